package io.netjourney.cli;

import static io.netjourney.capture.HopEventBuilder.hop;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netjourney.capture.Drop;
import io.netjourney.capture.HopEvent;
import io.netjourney.capture.Hook;
import io.netjourney.sinks.TraceFileWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The command line without root: help, bad input, and replaying a recorded trace. */
class CliTest {
    static final long HOST_NS = 4026531957L;
    static final long CTR_NS = 4026532258L;
    static final String[] DOCKER_PING = {
        "[  4026531957]          docker0 request #17146.001 172.17.0.1 -> 172.17.0.2",
        "[  4026531957]      vetha373ab6 request #17146.001 172.17.0.1 -> 172.17.0.2",
        "[  4026532258]             eth0 request #17146.001 172.17.0.1 -> 172.17.0.2",
        "[  4026532258]             eth0   reply #17146.001 172.17.0.2 -> 172.17.0.1",
        "[  4026531957]      vetha373ab6   reply #17146.001 172.17.0.2 -> 172.17.0.1",
        "[  4026531957]          docker0   reply #17146.001 172.17.0.2 -> 172.17.0.1",
    };

    @Test
    void helpNamesEveryCommand() {
        CliRun run = CliRun.of("--help");
        assertEquals(0, run.exitCode());
        for (String command : List.of("trace", "show", "report", "gui", "export", "lab", "demo")) {
            assertTrue(run.out().contains("  " + command + " "), command + " in\n" + run.out());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"trace", "show", "report", "gui", "export", "lab", "demo"})
    void everyCommandHasHelp(String command) {
        CliRun run = CliRun.of(command, "--help");
        assertEquals(0, run.exitCode());
        assertTrue(run.out().startsWith("Usage: netjourney " + command) || run.out().contains("Usage: netjourney "
                + command), run.out());
    }

    @Test
    void invalidFilterExitsTwoNamingTheBadToken() {
        CliRun run = CliRun.of("trace", "tcp", "prot", "80");
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("column 5"), run.err());
        assertTrue(run.err().contains("'prot'"), run.err());
        assertTrue(run.err().contains("    ^^^^"), run.err());
        assertTrue(run.clean(), run.err());
        assertEquals("", run.out());
    }

    @Test
    void invalidDurationIsAUsageError() {
        CliRun run = CliRun.of("trace", "--duration", "soon", "icmp");
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("invalid duration 'soon'"), run.err());
        assertTrue(run.clean(), run.err());
    }

    @Test
    void aSampleOfNoneIsAUsageError() {
        for (String value : List.of("0", "-5")) {
            CliRun run = CliRun.of("trace", "--sample", value, "icmp");
            assertEquals(2, run.exitCode(), value);
            assertTrue(run.err().contains("--sample takes a number of 1 or more (1 in N packets sent): " + value),
                    run.err());
            assertTrue(run.clean(), run.err());
        }
        CliRun words = CliRun.of("trace", "--sample", "few", "icmp");
        assertEquals(2, words.exitCode());
        assertTrue(words.err().contains("few"), words.err());
        assertTrue(words.clean(), words.err());
    }

    @Test
    void aSampleNeedsAFilterTheKernelAppliesWhole() {
        List<String> args = new ArrayList<>(List.of("trace", "--sample", "10", "("));
        for (int i = 1; i <= 400; i++) {
            args.addAll(List.of("host", String.format("2001:db8:ff::%x", i), "or"));
        }
        args.addAll(List.of("icmp", ")"));
        CliRun run = CliRun.of(args.toArray(String[]::new));
        assertEquals(1, run.exitCode(), run.err());
        assertTrue(run.err().contains("--sample needs a filter the kernel can apply whole, and this one is too long "
                + "for it: shorten the filter, or trace without --sample"), run.err());
        assertTrue(run.clean(), run.err());
    }

    @Test
    void unknownConsumerIsAUsageErrorNamingTheChoices() {
        CliRun run = CliRun.of("trace", "--consumer", "fast", "icmp");
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("'fast' is not a consumer: use mapped or libbpf"), run.err());
        assertTrue(run.clean(), run.err());
    }

    @Test
    void unknownLabActionIsAUsageError() {
        CliRun run = CliRun.of("lab", "sideways");
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("sideways"), run.err());
    }

    @Test
    void missingTraceFileSaysSo(@TempDir Path dir) {
        CliRun run = CliRun.of("show", dir.resolve("nothing.njt").toString());
        assertEquals(1, run.exitCode());
        assertTrue(run.err().contains("no such trace file"), run.err());
        assertTrue(run.clean(), run.err());
    }

    @Test
    void reportOfAMissingTraceFileSaysSoAndLiveOptionsWithAFileAreAUsageError(@TempDir Path dir) {
        CliRun missing = CliRun.of("report", dir.resolve("nothing.njt").toString(), "icmp");
        assertEquals(1, missing.exitCode());
        assertTrue(missing.err().contains("no such trace file"), missing.err());
        assertTrue(missing.clean(), missing.err());
        CliRun count = CliRun.of("report", "-c", "5", "src/test/resources/fixtures/lab-pings.njt");
        assertEquals(2, count.exitCode());
        assertTrue(count.err().contains("-c and --duration are for a live capture"), count.err());
        assertTrue(count.clean(), count.err());
    }

    @Test
    void notATraceFileSaysSo(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("notes.njt");
        Files.writeString(file, "hello, this is not a trace");
        CliRun run = CliRun.of("show", file.toString());
        assertEquals(1, run.exitCode());
        assertTrue(run.err().contains("not a netjourney trace file"), run.err());
        assertTrue(run.clean(), run.err());
    }

    @Test
    void showReplaysTheOriginalToolsLines(@TempDir Path dir) throws IOException {
        Path file = recordDockerPing(dir);
        CliRun run = CliRun.of("show", file.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertArrayEquals(DOCKER_PING, run.lines());
        assertTrue(run.err().contains("2 packets, 6 crossings, 1 flow, 0 events lost"), run.err());
    }

    @Test
    void showReadsATracePipedToItsStdinAsItReadsTheFile(@TempDir Path dir) throws IOException {
        Path file = recordDockerPing(dir);
        java.io.InputStream savedIn = System.in;
        CliRun piped;
        try {
            System.setIn(new java.io.ByteArrayInputStream(Files.readAllBytes(file)));
            piped = CliRun.of("show", "-n", "-");
        } finally {
            System.setIn(savedIn);
        }
        CliRun direct = CliRun.of("show", "-n", file.toString());
        assertEquals(0, piped.exitCode(), piped.err());
        assertEquals(direct.out(), piped.out());
        assertEquals(direct.err(), piped.err());
    }

    @Test
    void showWithNamesUsesTheNamesRecordedInTheFile(@TempDir Path dir) throws IOException {
        Path file = recordDockerPing(dir);
        CliRun run = CliRun.of("show", "-n", file.toString());
        assertEquals("[        host]          docker0 request #17146.001 172.17.0.1 -> 172.17.0.2", run.lines()[0]);
        assertEquals("[     nj-ctr1]             eth0 request #17146.001 172.17.0.1 -> 172.17.0.2", run.lines()[2]);
    }

    @Test
    void showFiltersWithTheSameLanguage(@TempDir Path dir) throws IOException {
        Path file = recordDockerPing(dir);
        CliRun run = CliRun.of("show", file.toString(), "src", "host", "172.17.0.2");
        assertArrayEquals(new String[] {DOCKER_PING[3], DOCKER_PING[4], DOCKER_PING[5]}, run.lines());
        assertEquals(0, CliRun.of("show", file.toString(), "tcp").lines().length);
    }

    @Test
    void showJsonIsOneObjectPerCrossingThenTheSummary(@TempDir Path dir) throws IOException {
        Path file = recordDockerPing(dir);
        CliRun run = CliRun.of("show", "--json", file.toString());
        String[] lines = run.lines();
        assertEquals(7, lines.length);
        assertTrue(lines[0].startsWith("{\"ts_ns\":"), lines[0]);
        assertTrue(lines[0].contains("\"ifname\":\"docker0\""), lines[0]);
        assertTrue(lines[3].contains("\"direction\":\"reply\""), lines[3]);
        assertTrue(lines[6].startsWith("{\"summary\":{\"packets\":2,\"crossings\":6"), lines[6]);
    }

    @Test
    void countStopsTheReplay(@TempDir Path dir) throws IOException {
        Path file = recordDockerPing(dir);
        assertEquals(2, CliRun.of("show", "-c", "2", file.toString()).lines().length);
    }

    @Test
    void exportDrawsAFlowOfARecordedTraceWithoutADisplay(@TempDir Path dir) throws IOException {
        Path png = dir.resolve("flow.png");
        CliRun run = CliRun.of("export", "src/test/resources/fixtures/lab-pings.njt", "--flow", "3", "--png",
                png.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().startsWith("wrote " + png + " ("), run.out());
        assertTrue(run.out().contains("flow 3 icmp 198.51.100.2 -> 198.51.100.130"), run.out());
        java.awt.image.BufferedImage image = javax.imageio.ImageIO.read(png.toFile());
        assertTrue(run.out().contains("(" + image.getWidth() + "x" + image.getHeight() + ","), run.out());
        assertTrue(image.getWidth() > 1000 && image.getHeight() > 300, image.getWidth() + "x" + image.getHeight());
    }

    @Test
    void exportWritesAnSvgWithTheTracesInterfacesAndItsCaption(@TempDir Path dir) throws Exception {
        Path svg = dir.resolve("flow.svg");
        CliRun run = CliRun.of("export", "src/test/resources/fixtures/lab-pings.njt", "--flow", "3", "--svg",
                svg.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().startsWith("wrote " + svg + " ("), run.out());
        var factory = javax.xml.parsers.DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        var texts = factory.newDocumentBuilder().parse(svg.toFile()).getElementsByTagName("text");
        List<String> drawn = new java.util.ArrayList<>();
        for (int i = 0; i < texts.getLength(); i++) {
            drawn.add(texts.item(i).getTextContent());
        }
        assertTrue(drawn.containsAll(List.of("nj-br0", "nj-veth1", "eth0", "nj-h-r")), drawn.toString());
        assertTrue(drawn.contains("flow 3 · icmp 198.51.100.2 → 198.51.100.130"), drawn.toString());
        assertTrue(drawn.contains("trace file: lab-pings.njt"), drawn.toString());
    }

    @Test
    void exportWithoutAnOutputIsAUsageError() {
        CliRun run = CliRun.of("export", "src/test/resources/fixtures/lab-pings.njt", "--flow", "3");
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("--png OUT, --svg OUT"), run.err());
    }

    @Test
    void exportOfAFlowThatIsNotThereListsTheFlows(@TempDir Path dir) {
        CliRun run = CliRun.of("export", "src/test/resources/fixtures/lab-pings.njt", "--flow", "99", "--png",
                dir.resolve("x.png").toString());
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("no flow 99"), run.err());
        assertTrue(run.err().contains("3 (icmp 198.51.100.2 -> 198.51.100.130)"), run.err());
        assertTrue(run.clean(), run.err());
    }

    @Test
    void guiWithoutADisplaySuggestsTrace() {
        org.junit.jupiter.api.Assumptions.assumeTrue(System.getenv("DISPLAY") == null
                && System.getenv("WAYLAND_DISPLAY") == null, "a display is set: the window would open");
        CliRun run = CliRun.of("gui");
        assertEquals(1, run.exitCode());
        assertTrue(run.err().contains("no display") && run.err().contains("netjourney trace"), run.err());
        assertTrue(run.clean(), run.err());
    }

    @Test
    void showPrintsRealDropsAndWithDropsAllTheExpectedOnesMarked(@TempDir Path dir) throws IOException {
        Path file = recordDrops(dir);
        CliRun real = CliRun.of("show", file.toString());
        assertEquals(0, real.exitCode(), real.err());
        assertEquals(1, Arrays.stream(real.lines()).filter(l -> l.contains("dropped")).count(), real.out());
        assertTrue(real.out().contains("request dropped: NETFILTER_DROP in " + CTR_NS + " at nft_do_chain+0x46f"),
                real.out());

        CliRun all = CliRun.of("show", "--drops", "all", file.toString());
        assertEquals(2, Arrays.stream(all.lines()).filter(l -> l.contains("dropped")).count(), all.out());
        assertTrue(all.out().contains("reply dropped (expected): NO_SOCKET in " + HOST_NS + " at ping_rcv+0xb3 (no "
                + "datagram ping socket: harmless when ping runs as root"), all.out());

        CliRun json = CliRun.of("show", "--json", "--drops", "all", file.toString());
        assertEquals(1, Arrays.stream(json.lines()).filter(l -> l.contains("\"expected\":true")).count(), json.out());
        assertEquals(1, Arrays.stream(json.lines()).filter(l -> l.contains("\"expected\":false")).count(), json.out());

        CliRun bad = CliRun.of("show", "--drops", "some", file.toString());
        assertEquals(2, bad.exitCode());
        assertTrue(bad.err().contains("'some' is not a choice for --drops: use real or all"), bad.err());
    }

    /** A root ping's reply left at ping_rcv (expected), and a second ping a firewall drops (real). */
    static Path recordDrops(Path dir) throws IOException {
        Path file = dir.resolve("drops.njt");
        try (TraceFileWriter writer = TraceFileWriter.create(file, inode -> Optional.empty())) {
            Drop reply = hop().at(5_000).skb(0xffff888100002000L).netns(HOST_NS).dev(3, "docker0", "bridge")
                    .from("172.17.0.2").to("172.17.0.1").icmp(0, 0, 17146, 1).drop(2, 0xffffffff81000000L).buildDrop();
            Drop blocked = hop().at(9_000).skb(0xffff888100003000L).netns(CTR_NS).dev(2, "eth0", "veth")
                    .from("172.17.0.1").to("172.17.0.2").icmp(8, 0, 17146, 2).drop(12, 0xffffffff81000100L).buildDrop();
            for (HopEvent event : List.of(
                    ping(1_000, 0xffff888100002000L, CTR_NS, 2, "eth0", "veth", Hook.NET_DEV_QUEUE, true),
                    reply.named("NO_SOCKET", "ping_rcv+0xb3"),
                    blocked.named("NETFILTER_DROP", "nft_do_chain+0x46f"))) {
                writer.writeHop(event);
            }
        }
        return file;
    }

    @Test
    void guiLabAndATraceFileExcludeEachOther(@TempDir Path dir) throws IOException {
        CliRun run = CliRun.of("gui", "--lab", recordDockerPing(dir).toString());
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("--lab and a trace file exclude each other"), run.err());
        assertTrue(run.clean(), run.err());
    }

    /** The ping of the original blog post, docker0 → veth → eth0 and back, as a trace file. */
    static Path recordDockerPing(Path dir) throws IOException {
        Path file = dir.resolve("docker-ping.njt");
        Map<Long, String> names = Map.of(HOST_NS, "host", CTR_NS, "nj-ctr1");
        try (TraceFileWriter writer = TraceFileWriter.create(file,
                inode -> Optional.ofNullable(names.get(inode)))) {
            long request = 0xffff888100001000L;
            long reply = 0xffff888100002000L;
            HopEvent[] hops = {
                ping(1_000, request, HOST_NS, 3, "docker0", "bridge", Hook.NET_DEV_QUEUE, false),
                ping(2_000, request, HOST_NS, 7, "vetha373ab6", "veth", Hook.NET_DEV_QUEUE, false),
                ping(3_000, request, CTR_NS, 2, "eth0", "veth", Hook.NETIF_RX, false),
                ping(9_000, reply, CTR_NS, 2, "eth0", "veth", Hook.NET_DEV_QUEUE, true),
                ping(10_000, reply, HOST_NS, 7, "vetha373ab6", "veth", Hook.NETIF_RX, true),
                ping(11_000, reply, HOST_NS, 3, "docker0", "bridge", Hook.NETIF_RECEIVE_SKB, true),
            };
            for (HopEvent event : hops) {
                writer.writeHop(event);
            }
        }
        return file;
    }

    private static HopEvent ping(long ts, long skb, long netns, int ifindex, String ifname, String kind, Hook hook,
            boolean reply) {
        return hop().at(ts).skb(skb).netns(netns).dev(ifindex, ifname, kind).hook(hook)
                .from(reply ? "172.17.0.2" : "172.17.0.1").to(reply ? "172.17.0.1" : "172.17.0.2")
                .icmp(reply ? 0 : 8, 0, 17146, 1).build();
    }
}
