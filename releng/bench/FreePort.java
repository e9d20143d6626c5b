/** Prints a free local TCP port (for the benchmark's broker). */
public class FreePort {
    public static void main(String[] args) throws Exception {
        try (var s = new java.net.ServerSocket(0)) {
            System.out.println(s.getLocalPort());
        }
    }
}
