package cn.zhifa.documents;

import java.time.OffsetDateTime;

/**
 * What every audio-video record must state (004-K L320): 案件编号、采集时间、采集地点、采集人、证明对象.
 */
public record AudioVideoMetadata(String caseNo, OffsetDateTime capturedAt, String capturedPlace, String capturedBy,
        String provesWhat) {
}
