package defectlens;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The package rules of the house as a test: the import table of DESIGN.md, JavaFX only in {@code app}, nobody
 * but the entry point calls {@code cli} or {@code app}, no cycles between the top-level packages, and a root
 * package that holds only {@link Main}. A breach fails the build with the offending class and dependency.
 */
@AnalyzeClasses(packages = "defectlens", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
    /** Who may import whom, as the table in DESIGN.md says; sub-packages belong to their package. */
    @ArchTest
    static final ArchRule IMPORT_TABLE = layeredArchitecture()
            .consideringOnlyDependenciesInAnyPackage("defectlens..")
            .layer("main").definedBy("defectlens")
            .layer("core").definedBy("defectlens.core..")
            .layer("image").definedBy("defectlens.image..")
            .layer("dataset").definedBy("defectlens.dataset..")
            .layer("model").definedBy("defectlens.model..")
            .layer("wafer").definedBy("defectlens.wafer", "defectlens.wafer.pickle..", "defectlens.wafer.features..",
                    "defectlens.wafer.stacking..", "defectlens.wafer.augment..")
            .layer("wafer.explain").definedBy("defectlens.wafer.explain..")
            .layer("explain").definedBy("defectlens.explain..")
            .layer("study").definedBy("defectlens.study..")
            .optionalLayer("journal").definedBy("defectlens.journal..")
            .optionalLayer("review").definedBy("defectlens.review..")
            .optionalLayer("mask").definedBy("defectlens.mask..")
            .layer("cli").definedBy("defectlens.cli..")
            .layer("app").definedBy("defectlens.app..")
            .whereLayer("main").mayOnlyAccessLayers("core", "cli", "app")
            .whereLayer("core").mayNotAccessAnyLayer()
            .whereLayer("image").mayOnlyAccessLayers("core")
            .whereLayer("dataset").mayOnlyAccessLayers("core", "image")
            .whereLayer("model").mayOnlyAccessLayers("core", "image", "dataset")
            .whereLayer("wafer").mayOnlyAccessLayers("core", "image", "model")
            .whereLayer("wafer.explain").mayOnlyAccessLayers("core", "image", "model", "wafer", "explain")
            .whereLayer("explain").mayOnlyAccessLayers("core", "image", "model")
            .whereLayer("study").mayOnlyAccessLayers("core", "journal")
            .whereLayer("journal").mayOnlyAccessLayers("core")
            .whereLayer("review").mayOnlyAccessLayers("core", "image", "model", "dataset", "wafer", "journal")
            .whereLayer("mask").mayOnlyAccessLayers("core", "image", "dataset", "model", "explain", "journal")
            .whereLayer("cli").mayOnlyAccessLayers("core", "image", "dataset", "model", "wafer", "wafer.explain",
                    "explain", "study", "journal", "review", "mask")
            .whereLayer("app").mayOnlyAccessLayers("core", "image", "dataset", "model", "wafer", "wafer.explain",
                    "explain", "study", "journal", "review", "mask")
            .whereLayer("cli").mayOnlyBeAccessedByLayers("main")
            .whereLayer("app").mayOnlyBeAccessedByLayers("main")
            .whereLayer("main").mayNotBeAccessedByAnyLayer();

    /** The window is the only place that knows JavaFX; everything below it runs headless. */
    @ArchTest
    static final ArchRule JAVAFX_ONLY_IN_APP = noClasses().that().resideOutsideOfPackage("defectlens.app..")
            .should().dependOnClassesThat().resideInAPackage("javafx..");

    /** No two top-level packages need each other. */
    @ArchTest
    static final ArchRule NO_CYCLES = slices().matching("defectlens.(*)..").should().beFreeOfCycles();

    /** The root package holds the entry point only. */
    @ArchTest
    static final ArchRule ROOT_HOLDS_ONLY_MAIN = classes().that().resideInAPackage("defectlens")
            .should().haveSimpleName("Main");
}
