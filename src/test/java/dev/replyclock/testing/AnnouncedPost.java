package dev.replyclock.testing;

import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * A POST that announces a body and sends only its headers, for limits judged on the announced length: the
 * server's 413 is read without an upload racing the server's close (a client still writing a body the
 * server refused can see the connection reset before the answer: "header parser received no bytes").
 */
public final class AnnouncedPost {

    private AnnouncedPost() {
    }

    /** The status of the answer to a POST of {@code length} bytes to {@code url}, with one optional header line. */
    public static int status(String url, int length, String header) throws Exception {
        URI uri = URI.create(url);
        try (Socket s = new Socket(uri.getHost(), uri.getPort())) {
            s.setSoTimeout(5000);
            String head = "POST " + uri.getRawPath() + " HTTP/1.1\r\nHost: " + uri.getHost() + "\r\nContent-Type: application/json\r\n"
                    + (header == null ? "" : header + "\r\n") + "Content-Length: " + length + "\r\n\r\n";
            s.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
            s.getOutputStream().flush();
            String statusLine = new String(s.getInputStream().readNBytes(12), StandardCharsets.US_ASCII);
            return Integer.parseInt(statusLine.substring(9, 12));
        }
    }
}
