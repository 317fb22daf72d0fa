package defectlens.image;

import defectlens.core.DefectLensException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.opencv.core.MatOfByte;
import org.opencv.imgcodecs.Imgcodecs;

/**
 * The child process of {@link HostileImageTest}: reads each argument with {@link SemImageReader} and prints
 * "read" or "refused" on stdout, so that the parent sees everything the native decoders write on the real
 * stderr (file descriptor 2), which no in-process capture can. {@code --raw FILE} hands the bytes straight to
 * OpenCV, as the reader did before it asked the JDK decoder first.
 */
public final class ImageReaderMain {
    private ImageReaderMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 2 && args[0].equals("--raw")) {
            OpenCv.ensureLoaded();
            MatOfByte buf = new MatOfByte(Files.readAllBytes(Path.of(args[1])));
            System.out.println("raw empty=" + Imgcodecs.imdecode(buf, Imgcodecs.IMREAD_UNCHANGED).empty());
            return;
        }
        for (String a : args) {
            try {
                SemImageReader.read(Path.of(a));
                System.out.println("read " + a);
            } catch (DefectLensException e) {
                System.out.println("refused " + a);
            }
        }
    }
}
