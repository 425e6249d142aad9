package cn.zhifa;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/** Each feature package is a module with a small API; no cycles, no reaching into another module's internals. */
class ModularityTest {

    static final ApplicationModules MODULES = ApplicationModules.of(ZhifaApplication.class);

    @Test
    void featurePackagesRespectTheirBoundaries() {
        MODULES.verify();
    }

    @Test
    void writesTheModuleDocumentation() {
        new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder("docs/modules"))
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml();
    }
}
