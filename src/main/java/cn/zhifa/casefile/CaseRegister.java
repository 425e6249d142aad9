package cn.zhifa.casefile;

import cn.zhifa.identity.StaffDirectory;
import cn.zhifa.system.ZhifaException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The case register's API: register a case (all or nothing), find and search cases within what a person may see,
 * number a case on filing, move it through its stages, set its flags and put officers on it. Every change publishes
 * a fact inside its transaction so the case record appends it atomically.
 */
@Service
public class CaseRegister {

    private static final Logger log = LoggerFactory.getLogger(CaseRegister.class);
    private static final int DEFAULT_LIMIT = 100;
    private static final int MAX_LIMIT = 500;

    private final CaseStore store;
    private final CaseNumbering numbering;
    private final CaseVisibility visibility;
    private final NewCaseValidation validation;
    private final StaffDirectory staff;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    CaseRegister(CaseStore store, CaseNumbering numbering, CaseVisibility visibility, NewCaseValidation validation,
            StaffDirectory staff, ApplicationEventPublisher events, Clock clock) {
        this.store = store;
        this.numbering = numbering;
        this.visibility = visibility;
        this.validation = validation;
        this.staff = staff;
        this.events = events;
        this.clock = clock;
    }

    /** Registers a case in stage CLUE with its parties and officers; refuses with 422 and stores nothing. */
    @Transactional
    public CaseSummary register(NewCase request, String actor) {
        OffsetDateTime now = now();
        NewCaseValidation.Valid valid = validation.check(request, actor, now.toLocalDate());
        long caseId = store.insertCase(request.kind(), valid.unit().agencyId(), valid.unit().id(),
                request.title().strip(), now, actor);
        for (int i = 0; i < request.parties().size(); i++) {
            store.insertParty(caseId, i + 1, request.parties().get(i));
        }
        valid.officers().forEach((userId, role) -> store.insertOfficer(caseId, userId, role, now));
        events.publishEvent(new CaseRegistered(caseId, actor, request));
        log.info("Case {} registered by {} for unit {}", caseId, actor, valid.unit().id());
        return store.summary(caseId).orElseThrow();
    }

    /**
     * The case a person names: its case number (案件编号, e.g. 某县市监处罚〔2026〕12号) or, before it is numbered on
     * filing, its registration number (登记号, the id the register answered, with or without the word 登记号).
     */
    @Transactional(readOnly = true)
    public Optional<CaseDetail> findByReference(String reference) {
        if (reference == null || reference.isBlank()) {
            return Optional.empty();
        }
        String ref = reference.strip();
        if (ref.startsWith(CaseSummary.REGISTRATION_PREFIX)) {
            ref = ref.substring(CaseSummary.REGISTRATION_PREFIX.length()).strip();
        }
        Optional<Long> numbered = store.idOfNumber(ref);
        if (numbered.isPresent()) {
            return find(numbered.get());
        }
        return ref.chars().allMatch(Character::isDigit) && ref.length() < 19 ? find(Long.parseLong(ref))
                : Optional.empty();
    }

    @Transactional(readOnly = true)
    public Optional<CaseDetail> find(long caseId) {
        return store.summary(caseId).map(this::detail);
    }

    /** The cases matching the query that {@code viewer} may see, newest first. */
    @Transactional(readOnly = true)
    public List<CaseSummary> search(CaseQuery query, String viewer) {
        int limit = query.limit() == null || query.limit() <= 0 ? DEFAULT_LIMIT : Math.min(query.limit(), MAX_LIMIT);
        return store.search(query, visibility.of(viewer), limit);
    }

    /** Whether {@code userId} may see the case (the rules of {@code GET /api/cases}). */
    @Transactional(readOnly = true)
    public boolean isVisibleTo(long caseId, String userId) {
        return store.visible(caseId, visibility.of(userId));
    }

    /** Those of {@code caseIds} that {@code userId} may see (the rules of {@code GET /api/cases}). */
    @Transactional(readOnly = true)
    public Set<Long> visibleAmong(Set<Long> caseIds, String userId) {
        return store.visibleAmong(caseIds, visibility.of(userId));
    }

    /** Whether {@code userId} sees every case (supervisor, administrator). */
    public boolean seesAllCases(String userId) {
        return visibility.of(userId).all();
    }

    /** Whether a case with this id exists (whoever asks). */
    public boolean exists(long caseId) {
        return store.summary(caseId).isPresent();
    }

    /**
     * Numbers the case (per agency and filing year, gap-free) unless it has a number already; returns the number.
     * Joins the caller's transaction, so a rollback of the filing also gives the number back.
     */
    @Transactional
    public String assignNumber(long caseId) {
        CaseNumbering.Numbered numbered = numbering.assign(caseId, now().getYear());
        if (numbered.fresh()) {
            events.publishEvent(new CaseNumbered(caseId, numbered.caseNo(), numbered.agencyId(), numbered.year(),
                    numbered.seq()));
            log.info("Case {} numbered {}", caseId, numbered.caseNo());
        }
        return numbered.caseNo();
    }

    /** Moves the case to {@code stage}; an archived case stays archived. */
    @Transactional
    public void moveTo(long caseId, CaseStage stage, String actor) {
        CaseSummary current = store.summaryForUpdate(caseId).orElseThrow(() -> notFound(caseId));
        if (current.stage() == stage) {
            return;
        }
        refuseIfArchived(current, actor, "变更办理阶段");
        store.updateStage(caseId, stage, now());
        events.publishEvent(new CaseStageChanged(caseId, current.stage(), stage, actor));
        log.info("Case {} moved from {} to {}", caseId, current.stage(), stage);
    }

    /**
     * The one rule of an archived case (SAMR 第七十八条: 一案一卷, kept as archived): nothing about it changes any more.
     * Every path that changes a case asks here first: the register itself, the documents and attachments, the engine
     * boundary for new processes and for what clients write into the case's processes. The refusal is recorded on
     * the case after the refused transaction has rolled back.
     *
     * @param change what was tried, in Chinese, as it completes "案件已归档，不能再…"
     */
    @Transactional(readOnly = true)
    public void refuseIfArchived(long caseId, String actor, String change) {
        store.summary(caseId).ifPresent(current -> refuseIfArchived(current, actor, change));
    }

    private void refuseIfArchived(CaseSummary current, String actor, String change) {
        if (current.stage() == CaseStage.ARCHIVED) {
            CaseArchivedException refusal = new CaseArchivedException(change);
            events.publishEvent(new ArchivedCaseChangeRefused(current.id(), actor, change, refusal.getMessage()));
            throw refusal;
        }
    }

    @Transactional(readOnly = true)
    public boolean isArchived(long caseId) {
        return store.summary(caseId).map(s -> s.stage() == CaseStage.ARCHIVED).orElse(false);
    }

    @Transactional
    public void markSubmittedForReview(long caseId) {
        setFlag(caseId, CaseFlagChanged.Flag.SUBMITTED_FOR_REVIEW, true);
    }

    @Transactional
    public void markOverdue(long caseId, boolean overdue) {
        setFlag(caseId, CaseFlagChanged.Flag.OVERDUE, overdue);
    }

    @Transactional(readOnly = true)
    public Set<String> officersOf(long caseId) {
        Set<String> officers = new LinkedHashSet<>();
        store.officers(caseId).forEach(o -> officers.add(o.userId()));
        return officers;
    }

    @Transactional(readOnly = true)
    public boolean isOfficerOnCase(long caseId, String userId) {
        return userId != null && officersOf(caseId).contains(userId);
    }

    /** Puts an officer on the case (or changes his role); his certificate is checked where he acts. */
    @Transactional
    public void addOfficer(long caseId, String userId, OfficerRole role) {
        refuseIfArchived(store.summaryForUpdate(caseId).orElseThrow(() -> notFound(caseId)), "system", "变更办案人员");
        if (staff.find(userId).isEmpty()) {
            throw new ZhifaException(HttpStatus.UNPROCESSABLE_ENTITY, "USER_NOT_FOUND", "用户不存在：" + userId);
        }
        Optional<CaseStore.OfficerRow> existing = store.officers(caseId).stream()
                .filter(o -> o.userId().equals(userId)).findFirst();
        if (existing.isPresent() && existing.get().role() == role) {
            return;
        }
        if (existing.isPresent()) {
            store.updateOfficerRole(caseId, userId, role);
        } else {
            store.insertOfficer(caseId, userId, role, now());
        }
        events.publishEvent(new OfficerAdded(caseId, userId, role));
    }

    private void setFlag(long caseId, CaseFlagChanged.Flag flag, boolean value) {
        CaseSummary current = store.summaryForUpdate(caseId).orElseThrow(() -> notFound(caseId));
        if ((flag == CaseFlagChanged.Flag.OVERDUE ? current.overdue() : current.submittedForReview()) == value) {
            return;
        }
        refuseIfArchived(current, "system", "变更案件标记");
        String column = flag == CaseFlagChanged.Flag.OVERDUE ? "overdue" : "submitted_for_review";
        if (store.updateFlag(caseId, column, value)) {
            events.publishEvent(new CaseFlagChanged(caseId, flag, value));
        }
    }

    private CaseDetail detail(CaseSummary s) {
        Map<String, String> unitNames = store.unitNames(Set.of(s.agencyId(), s.handlingUnitId()));
        List<CaseOfficer> officers = store.officers(s.id()).stream()
                .map(o -> new CaseOfficer(o.userId(), staff.displayName(o.userId()), o.role())).toList();
        return new CaseDetail(s.id(), s.caseNo(), s.kind(), s.agencyId(), unitNames.get(s.agencyId()),
                s.handlingUnitId(), unitNames.get(s.handlingUnitId()), s.title(), s.stage(), s.createdAt(),
                s.createdBy(), s.overdue(), s.submittedForReview(), store.parties(s.id()), officers);
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).atZoneSameInstant(CaseStore.ZONE).toOffsetDateTime();
    }

    static ZhifaException notFound(long caseId) {
        return new ZhifaException(HttpStatus.NOT_FOUND, "CASE_NOT_FOUND", "案件不存在：" + caseId);
    }
}
