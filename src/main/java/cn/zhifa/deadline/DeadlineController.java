package cn.zhifa.deadline;

import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/deadlines}: the catalogue in force. The running deadlines of the cases a user may see are served by
 * the case register ({@code GET /api/deadlines/running}), which knows who sees which case.
 */
@RestController
@RequestMapping("/api/deadlines")
class DeadlineController {

    private final DeadlineService deadlines;

    DeadlineController(DeadlineService deadlines) {
        this.deadlines = deadlines;
    }

    record CatalogueResponse(String ruleSet, String description, List<DeadlineEntry> entries) {
    }

    @GetMapping
    CatalogueResponse catalogue() {
        DeadlineCatalogue catalogue = deadlines.catalogue();
        return new CatalogueResponse(catalogue.ruleSet(), catalogue.description(), catalogue.entries());
    }
}
