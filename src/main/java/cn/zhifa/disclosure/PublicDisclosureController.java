package cn.zhifa.disclosure;

import cn.zhifa.system.WellFormedText;
import cn.zhifa.system.ZhifaException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The public side, without login ({@code /api/public/disclosures}): published records only, every text redacted;
 * a withdrawn record answers 410 with the public notice of why, never its content, and one whose publication term is
 * over 410 with the day it ended; anything else (a draft, a
 * withheld decision, an unknown id) is 404 alike, so nobody learns that it exists. Anyone may ask for a correction.
 */
@RestController
@RequestMapping("/api/public/disclosures")
class PublicDisclosureController {

    static final int MAX_PAGE_SIZE = 50;

    private final DisclosureStore store;
    private final CorrectionRequests corrections;

    PublicDisclosureController(DisclosureStore store, CorrectionRequests corrections) {
        this.store = store;
        this.corrections = corrections;
    }

    record PageResponse(List<PublicRecord> items, long total, int page, int size, List<NoticeResponse> notices) {
    }

    record NoticeResponse(String decisionNo, String agencyName, OffsetDateTime withdrawnAt, String notice) {
    }

    record CorrectionRequest(@NotBlank @Size(max = 2000) @WellFormedText(lineBreaks = true) String reason,
            @NotBlank @Size(max = 4000) @WellFormedText(lineBreaks = true) String evidence,
            @Size(max = 200) @WellFormedText String contact) {
    }

    record CorrectionAccepted(long id, String message) {
    }

    @GetMapping
    PageResponse list(@RequestParam(required = false) @Size(max = 100) @WellFormedText String q,
            @RequestParam(required = false) @Size(max = 10) @WellFormedText String from,
            @RequestParam(required = false) @Size(max = 10) @WellFormedText String to,
            @RequestParam(required = false) @Size(max = 12) @WellFormedText String kind,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        if (page < 0 || page > 10_000 || size < 1 || size > MAX_PAGE_SIZE) {
            throw new ZhifaException(HttpStatus.BAD_REQUEST, "PAGE_INVALID", "页码须为0至10000，每页1至" + MAX_PAGE_SIZE + "条");
        }
        DecisionKind decisionKind = null;
        if (kind != null && !kind.isBlank()) {
            decisionKind = DecisionKind.parse(kind.strip());
            if (decisionKind == null) {
                throw new ZhifaException(HttpStatus.BAD_REQUEST, "KIND_INVALID", "类别须为 PENALTY、LICENSING 或 OTHER");
            }
        }
        DisclosureStore.Page found = store.publicPage(q, date(from, "from"), date(to, "to"), decisionKind, page, size);
        List<NoticeResponse> notices = page == 0 ? store.notices(10).stream().map(PublicDisclosureController::notice)
                .toList() : List.of();
        return new PageResponse(found.items(), found.total(), page, size, notices);
    }

    @GetMapping("/{id}")
    PublicRecord one(@PathVariable long id) {
        return store.publicOne(id).orElseThrow(() -> store.notice(id)
                .<ZhifaException>map(notice -> new ZhifaException(HttpStatus.GONE, "DISCLOSURE_WITHDRAWN",
                        "该公示信息已于" + Dates.chinese(notice.withdrawnAt().toInstant()) + "撤回。撤回说明：" + notice.notice()))
                .or(() -> store.endedAt(id).map(ended -> new ZhifaException(HttpStatus.GONE, "DISCLOSURE_TERM_ENDED",
                        "该公示信息的公示期限已届满，已于" + Dates.chinese(ended.toInstant()) + "停止公示")))
                .orElseGet(PublicDisclosureController::notFound));
    }

    @PostMapping("/{id}/corrections")
    @ResponseStatus(HttpStatus.CREATED)
    CorrectionAccepted requestCorrection(@PathVariable long id, @Valid @RequestBody CorrectionRequest request,
            HttpServletRequest http) {
        long correction = corrections.request(id, request.reason().strip(), request.evidence().strip(),
                request.contact() == null || request.contact().isBlank() ? null : request.contact().strip(),
                http.getRemoteAddr());
        return new CorrectionAccepted(correction, "更正申请已收到（编号" + correction + "），公示机关将及时处理并答复");
    }

    static ZhifaException notFound() {
        return new ZhifaException(HttpStatus.NOT_FOUND, "DISCLOSURE_NOT_FOUND", "没有该公示信息");
    }

    private static LocalDate date(String text, String field) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new ZhifaException(HttpStatus.BAD_REQUEST, "DATE_INVALID", "日期不正确：参数 " + field + " 应为 YYYY-MM-DD");
        }
    }

    private static NoticeResponse notice(DisclosureStore.Notice notice) {
        return new NoticeResponse(notice.decisionNo(), notice.agencyName(), notice.withdrawnAt(), notice.notice());
    }
}
