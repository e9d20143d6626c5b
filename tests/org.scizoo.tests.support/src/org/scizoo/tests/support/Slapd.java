package org.scizoo.tests.support;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A real OpenLDAP server (Debian's {@code slapd}, installed by the test command) of the tests' own: a
 * {@code slapd.conf} and an MDB database in the given folder, loaded with {@code slapadd} before it starts,
 * listening on a loopback port of its own. Its people are {@code uid=NAME,ou=people,dc=scizoo,dc=test} with
 * {@code displayName} and {@code mail}, as SciCat's LDAP login reads them. Closing it stops it.
 */
public final class Slapd implements AutoCloseable {

    public static final String BASE = "dc=scizoo,dc=test";
    public static final String PEOPLE = "ou=people," + BASE;
    public static final String ADMIN_DN = "cn=admin," + BASE;
    public static final String ADMIN_PASSWORD = "scizoo-ldap-admin-pw";
    private static final Path SLAPD = Path.of("/usr/sbin/slapd");
    private static final Duration START = Duration.ofSeconds(30);

    private final Process process;
    private final int port;
    private final Path log;

    /** {@code people}: user name to password. */
    public Slapd(Path work, Map<String, String> people) throws IOException, InterruptedException {
        if (!Files.isExecutable(SLAPD)) {
            throw new IllegalStateException("OpenLDAP's slapd is not installed (./scizoo test installs Debian's"
                    + " slapd)");
        }
        Path db = Files.createDirectories(work.resolve("db"));
        Path conf = work.resolve("slapd.conf");
        Files.writeString(conf, String.join("\n", "include /etc/ldap/schema/core.schema",
                "include /etc/ldap/schema/cosine.schema", "include /etc/ldap/schema/inetorgperson.schema",
                "modulepath /usr/lib/ldap", "moduleload back_mdb", "pidfile " + work.resolve("slapd.pid"),
                "database mdb", "suffix \"" + BASE + "\"", "rootdn \"" + ADMIN_DN + "\"",
                "rootpw " + ADMIN_PASSWORD, "directory " + db, "maxsize 10485760", ""));
        Path ldif = work.resolve("people.ldif");
        StringBuilder b = new StringBuilder("dn: " + BASE + "\nobjectClass: dcObject\nobjectClass: organization\n"
                + "o: SciZoo tests\ndc: scizoo\n\ndn: " + PEOPLE + "\nobjectClass: organizationalUnit\nou: people\n");
        people.forEach((name, password) -> b.append("\ndn: uid=").append(name).append(',').append(PEOPLE)
                .append("\nobjectClass: inetOrgPerson\nuid: ").append(name).append("\ncn: ").append(name)
                .append("\nsn: ").append(name).append("\ndisplayName: ").append(name).append("\nmail: ")
                .append(name).append("@scizoo.test\nuserPassword: ").append(password).append('\n'));
        Files.writeString(ldif, b.toString());
        log = work.resolve("slapd.log");
        run(List.of("/usr/sbin/slapadd", "-f", conf.toString(), "-l", ldif.toString()));
        port = FreePorts.next();
        process = new ProcessBuilder(SLAPD.toString(), "-f", conf.toString(), "-h", url() + "/", "-d", "0")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        awaitListening();
    }

    private void run(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IllegalStateException(command.get(0) + " failed: " + Files.readString(log));
        }
    }

    private void awaitListening() throws IOException, InterruptedException {
        long deadline = System.nanoTime() + START.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("slapd ended at its start: " + Files.readString(log));
            }
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 500);
                return;
            } catch (IOException e) {
                Thread.sleep(100);
            }
        }
        close();
        throw new IllegalStateException("slapd did not listen within " + START + ": " + Files.readString(log));
    }

    public String url() {
        return "ldap://127.0.0.1:" + port;
    }

    /** SciCat's LDAP settings for this server: bind as its admin, find a person by {@code uid}. */
    public Map<String, String> sciCatEnvironment() {
        return Map.of("LDAP_URL", url(), "LDAP_BIND_DN", ADMIN_DN, "LDAP_BIND_CREDENTIALS", ADMIN_PASSWORD,
                "LDAP_SEARCH_BASE", PEOPLE, "LDAP_SEARCH_FILTER", "(uid={{username}})", "LDAP_MODE", "ldap",
                "LDAP_EXTERNAL_ID", "uid", "LDAP_USERNAME", "displayName");
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
