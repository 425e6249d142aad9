/**
 * Legal review of major enforcement decisions (重大执法决定法制审核), the process {@code legal-review}: submission,
 * intake (accept, return, ask for supplements), the written opinion within the catalogue's LEGAL_REVIEW period with
 * one extension approved by an agency head, and coordination of disagreements. The engine enforces who may act
 * through the task listeners of this package; the caller branches on {@link cn.zhifa.review.ReviewResult}.
 */
package cn.zhifa.review;
