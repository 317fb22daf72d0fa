package defectlens.app.explain;

import defectlens.app.TinySemBundle;
import defectlens.app.common.MainViewModel;
import defectlens.app.common.RecentItems;
import defectlens.app.task.CurrentThreadTaskExecutor;
import java.nio.file.Path;

/**
 * What the explanation view-model tests share: the demo data set and a tiny model opened through the
 * main view-model on the same-thread executor, with concept banks kept in a test folder.
 */
final class ExplainTestWindow {
    final CurrentThreadTaskExecutor executor = new CurrentThreadTaskExecutor();
    final MainViewModel main;
    final ExplanationViewModel explanations;

    ExplainTestWindow(Path home) {
        main = new MainViewModel(executor, new RecentItems(home.resolve("recent.json")));
        main.openDataset(Path.of("datasets/sem-demo"));
        main.openModel(TinySemBundle.save(home.resolve("tiny")));
        explanations = new ExplanationViewModel(main, new ConceptBanks(home.resolve("banks")));
    }
}
