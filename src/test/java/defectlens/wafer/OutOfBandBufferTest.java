package defectlens.wafer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import defectlens.wafer.pickle.PandasFrame;
import defectlens.wafer.pickle.SafeUnpickler;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import net.razorvine.pickle.PickleException;
import org.junit.jupiter.api.Test;

/** Protocol-5 pickles whose numpy data travels out of band (pickle.dumps with a buffer_callback). */
class OutOfBandBufferTest {

    private static List<byte[]> buffers() throws Exception {
        ByteBuffer all = ByteBuffer.wrap(Files.readAllBytes(WaferTestFiles.fixture("out_of_band.buffers")))
                .order(ByteOrder.LITTLE_ENDIAN);
        List<byte[]> out = new ArrayList<>();
        while (all.hasRemaining()) {
            byte[] b = new byte[(int) all.getLong()];
            all.get(b);
            out.add(b);
        }
        return out;
    }

    @Test
    void suppliedBuffersRebuildTheSameMaps() throws Exception {
        List<byte[]> buffers = buffers();
        assertTrue(buffers.size() >= 4, "one buffer per map at least, got " + buffers.size());
        Object top;
        try (InputStream in = Files.newInputStream(WaferTestFiles.fixture("out_of_band.pkl"))) {
            top = new SafeUnpickler(() -> { }, buffers).load(in);
        }
        WaferDataset oob = new WaferFrameDecoder(WaferTestFiles.fixture("out_of_band.pkl"), InvalidRows.FAIL)
                .decode((PandasFrame) top, () -> { });
        WaferDataset inBand = WaferPickleReader.read(WaferTestFiles.fixture("lswmd_protocol4.pkl"));
        assertEquals(inBand.size(), oob.size());
        for (int i = 0; i < oob.size(); i++) {
            assertArrayEquals(inBand.get(i).dies(), oob.get(i).dies(), "map " + i);
            assertEquals(inBand.get(i).label(), oob.get(i).label());
        }
    }

    @Test
    void missingBuffersAreReportedNotGuessed() throws Exception {
        try (InputStream in = Files.newInputStream(WaferTestFiles.fixture("out_of_band.pkl"))) {
            PickleException e = assertThrows(PickleException.class, () -> new SafeUnpickler(() -> { }).load(in));
            assertTrue(e.getMessage().contains("out-of-band buffer that was not supplied"), e.getMessage());
        }
    }
}
