package defectlens.study;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import java.io.IOException;

/** Writes a statistic that is not defined (NaN: no data, one value) as JSON {@code null}. */
public final class NanAsNull extends JsonSerializer<Double> {
    @Override
    public void serialize(Double value, JsonGenerator gen, SerializerProvider serializers) throws IOException {
        if (value == null || value.isNaN() || value.isInfinite()) {
            gen.writeNull();
        } else {
            gen.writeNumber(value);
        }
    }
}
