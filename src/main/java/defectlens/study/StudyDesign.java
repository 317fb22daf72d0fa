package defectlens.study;

import java.util.List;

/**
 * What an organiser decides when setting up a study, before any image is drawn: the methods compared (each a name
 * of letters, digits, '.', '_' or '-'), how images are drawn, the model, the questionnaire, the invited raters,
 * whether the methods are blinded and whether raters see the class each explanation explains.
 */
public record StudyDesign(List<String> methods, StudySampling sampling, ModelRef model, Questionnaire questionnaire,
        List<String> raters, boolean blinded, boolean showClass) {

    public StudyDesign {
        methods = List.copyOf(methods);
        raters = raters == null ? List.of() : List.copyOf(raters);
    }
}
