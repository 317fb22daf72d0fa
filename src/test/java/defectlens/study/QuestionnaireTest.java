package defectlens.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import defectlens.core.DefectLensException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QuestionnaireTest {
    @Test
    void builtInScaleHasTheEightStatementsOnFivePoints() {
        Questionnaire q = Questionnaire.explanationSatisfaction();
        assertEquals(8, q.questions().size());
        assertEquals("From the explanation, I understand how the model works.", q.questions().get(0).text());
        assertEquals("This explanation lets me judge when I should trust and not trust the model.", q.questions().get(7).text());
        assertEquals(1, q.scale().min());
        assertEquals(5, q.scale().max());
        assertEquals("Strongly disagree", q.scale().anchor(1));
        assertEquals("Strongly agree", q.scale().anchor(5));
        assertTrue(q.scale().accepts(3));
    }

    @Test
    void anotherScaleLoadsFromAFile(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("de.json");
        Files.writeString(f, """
                {"id":"zufriedenheit","title":"Zufriedenheit","language":"de",
                 "scale":{"min":1,"max":7,"anchors":{"1":"stimme gar nicht zu","7":"stimme voll zu"}},
                 "questions":[{"id":"F1","text":"Die Erklärung ist befriedigend."}]}
                """);
        Questionnaire q = Questionnaire.load(f);
        assertEquals(7, q.scale().points());
        assertEquals("stimme voll zu", q.scale().anchor(7));
        assertEquals("4", q.scale().anchor(4));
        assertEquals("Die Erklärung ist befriedigend.", q.question("F1").orElseThrow().text());
    }

    @Test
    void aWrongFileIsNamedInTheError(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("bad.json");
        Files.writeString(f, "{\"id\":\"x\",\"questions\":[]}");
        DefectLensException e = assertThrows(DefectLensException.class, () -> Questionnaire.load(f));
        assertTrue(e.getMessage().contains("bad.json"), e.getMessage());
    }
}
