package defectlens.model;

import ai.djl.pytorch.jni.LibUtils;
import com.sun.jna.Library;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Pointer;
import java.nio.file.Path;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Switches PyTorch's NNPACK convolution path off in this process, as {@code torch.backends.nnpack.set_flags(False)}
 * does in Python, so that libtorch never asks whether NNPACK runs on this CPU.
 *
 * <p>Why: libtorch 2.7.1 gives a CPU float convolution to oneDNN unless it is a batch of one with one group, a 1x1
 * or 3x3 kernel and at most 20,480 input values ({@code ConvParams::use_mkldnn}) - the 1x1 and late 3x3
 * convolutions of a network run on one image: classifying one image, GradCAM and CRAFT on one image, LRP of one
 * wafer map. For those it evaluates {@code ConvParams::use_nnpack}, which calls {@code at::_nnpack_available()}
 * before it looks at the batch size (NNPACK is only taken from 16 images on), and on a CPU NNPACK does not support
 * (the AMD EPYC Zen 4 of the CI machine) that call prints {@code Could not initialize NNPACK! Reason: Unsupported
 * hardware.} on stderr, once per such convolution. With the user flag off, {@code use_nnpack} stops at its first
 * test. Nothing is computed differently: a convolution that would qualify for NNPACK (16 images or more) is
 * always taken by oneDNN first in this build, and where NNPACK cannot initialise it is never used anyway.
 *
 * <p>How: neither libtorch's C API nor DJL offers the switch, so the exported C++ functions
 * {@code at::globalContext()} and {@code at::Context::setUserEnabledNNPACK(bool)} of the already loaded
 * {@code torch_cpu} library are called through JNA by their Itanium C++ ABI names (Linux; macOS uses the same
 * ABI). Where they are missing (Windows names them differently; not tried there) the switch leaves libtorch as it
 * is, which costs at most that warning. {@link PyTorchEngineProvider} calls {@link #switchOff()} as soon as DJL has
 * loaded libtorch, before any convolution can run.
 */
public final class NnpackSwitch {
    private static final String GLOBAL_CONTEXT = "_ZN2at13globalContextEv";
    private static final String SET_USER_ENABLED = "_ZN2at7Context20setUserEnabledNNPACKEb";
    private static final String USER_ENABLED = "_ZNK2at7Context17userEnabledNNPACKEv";
    /** dlopen's RTLD_LAZY without RTLD_GLOBAL: the library is loaded already, its symbols stay private to it. */
    private static final int RTLD_LAZY = 1;

    private static final Logger LOG = LoggerFactory.getLogger(NnpackSwitch.class);
    private static volatile boolean done;

    private NnpackSwitch() {
    }

    /** Once per process, after DJL loaded libtorch: NNPACK off (later calls do nothing). */
    public static void switchOff() {
        if (done) {
            return;
        }
        synchronized (NnpackSwitch.class) {
            if (done) {
                return;
            }
            try {
                NativeLibrary torch = torchCpu();
                Pointer context = torch.getFunction(GLOBAL_CONTEXT).invokePointer(new Object[0]);
                torch.getFunction(SET_USER_ENABLED).invokeVoid(new Object[] {context, Boolean.FALSE});
                LOG.debug("NNPACK switched off");
            } catch (LinkageError | RuntimeException e) {
                LOG.debug("NNPACK left as libtorch has it ({})", e.toString());
            }
            done = true;
        }
    }

    /**
     * libtorch's NNPACK user flag ({@code at::globalContext().userEnabledNNPACK()}) in this process, read the same
     * way; the PyTorch engine must be loaded.
     *
     * @throws UnsatisfiedLinkError when the library does not export the function
     */
    public static boolean enabled() {
        NativeLibrary torch = torchCpu();
        Pointer context = torch.getFunction(GLOBAL_CONTEXT).invokePointer(new Object[0]);
        // a C++ bool comes back in the lowest byte of the return register only
        Object flag = torch.getFunction(USER_ENABLED).invoke(Byte.class, new Object[] {context});
        return (Byte) flag != 0;
    }

    private static NativeLibrary torchCpu() {
        Path file = Path.of(LibUtils.getLibtorchPath(), System.mapLibraryName("torch_cpu"));
        return NativeLibrary.getInstance(file.toString(), Map.of(Library.OPTION_OPEN_FLAGS, RTLD_LAZY));
    }
}
