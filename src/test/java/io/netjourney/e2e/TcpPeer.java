package io.netjourney.e2e;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A TCP peer the tests start inside a lab namespace ({@code ip netns exec NS java ... TcpPeer}):
 * {@code server PORT} accepts one connection, sends a line and closes; {@code client HOST PORT} connects and
 * reads the line.
 */
public final class TcpPeer {
    private TcpPeer() {
    }

    public static void main(String[] args) throws Exception {
        if (args[0].equals("server")) {
            try (ServerSocket server = new ServerSocket()) {
                server.bind(new InetSocketAddress(Integer.parseInt(args[1])));
                System.out.println("listening");
                System.out.flush();
                server.setSoTimeout(20_000);
                try (Socket socket = server.accept(); OutputStream out = socket.getOutputStream()) {
                    out.write("hello\n".getBytes(StandardCharsets.US_ASCII));
                }
            }
        } else {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(args[1], Integer.parseInt(args[2])), 5_000);
                socket.setSoTimeout(5_000);
                BufferedReader in = new BufferedReader(
                        new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
                System.out.println(in.readLine());
            }
        }
    }
}
