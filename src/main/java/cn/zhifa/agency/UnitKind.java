package cn.zhifa.agency;

import cn.zhifa.identity.Units;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The kinds of unit an agency has, with the words an administrator uses for them. */
enum UnitKind {

    HANDLING(Units.KIND_HANDLING, "承办机构"),
    LEGAL(Units.KIND_LEGAL, "法制机构", "法制审核机构"),
    LEADERSHIP(Units.KIND_LEADERSHIP, "局领导", "机关负责人", "领导班子");

    private final String kind;
    private final List<String> labels;

    UnitKind(String kind, String... labels) {
        this.kind = kind;
        this.labels = List.of(labels);
    }

    /** org_unit.kind */
    String kind() {
        return kind;
    }

    String label() {
        return labels.get(0);
    }

    static Optional<UnitKind> ofKind(String kind) {
        return Arrays.stream(values()).filter(k -> k.kind.equals(kind)).findFirst();
    }

    static Optional<UnitKind> ofLabel(String label) {
        return Arrays.stream(values()).filter(k -> k.labels.contains(label)).findFirst();
    }
}
