package org.makerspace.api.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

/**
 * A bare HTTP/1.1 client that connects from a loopback address of its choosing (127.0.0.2, 127.0.0.3, ...), so that
 * tests of per-address limits are not counted together with every other test's requests from 127.0.0.1 in the
 * shared application. One request per connection; the body is sent with a {@code Content-Length}, chunked, or
 * announced larger than it is.
 */
public final class LoopbackClient {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final int port;
    private final String sourceAddress;

    public LoopbackClient(int port, String sourceAddress) {
        this.port = port;
        this.sourceAddress = sourceAddress;
    }

    public Reply post(String path, String token, String contentType, byte[] body) {
        return exchange(path, token, contentType, body, Framing.LENGTH);
    }

    public Reply post(String path, String token, String contentType, String body) {
        return post(path, token, contentType, body.getBytes(StandardCharsets.UTF_8));
    }

    /** Sends the body in chunks, without announcing its length. */
    public Reply postChunked(String path, String contentType, byte[] body) {
        return exchange(path, null, contentType, body, Framing.CHUNKED);
    }

    /** Announces {@code announcedLength} bytes but sends only {@code body}, then waits for the answer. */
    public Reply postAnnouncing(String path, String contentType, long announcedLength, byte[] body) {
        return exchange(path, null, contentType, body, Framing.announcing(announcedLength));
    }

    /**
     * Sends these bytes as the whole request, exactly as given: for request targets and headers that no HTTP client
     * library would send (a raw {@code |}, a broken {@code %} escape, a control character in a header).
     */
    public Reply sendRaw(byte[] request) {
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(sourceAddress, 0));
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(request);
            out.flush();
            return read(new BufferedInputStream(socket.getInputStream()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Reply exchange(String path, String token, String contentType, byte[] body, Framing framing) {
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(sourceAddress, 0));
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            StringBuilder head = new StringBuilder("POST " + path + " HTTP/1.1\r\n")
                    .append("Host: 127.0.0.1:").append(port).append("\r\n")
                    .append("Connection: close\r\n")
                    .append("Content-Type: ").append(contentType).append("\r\n");
            if (token != null) {
                head.append("Authorization: Bearer ").append(token).append("\r\n");
            }
            head.append(framing.header(body.length)).append("\r\n");
            out.write(head.toString().getBytes(StandardCharsets.US_ASCII));
            framing.write(out, body);
            out.flush();
            if (framing.halfClose()) {
                socket.shutdownOutput();
            }
            return read(new BufferedInputStream(socket.getInputStream()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Reply read(InputStream in) throws IOException {
        String statusLine = line(in);
        int status = Integer.parseInt(statusLine.split(" ")[1]);
        HttpHeaders headers = new HttpHeaders();
        for (String line = line(in); !line.isEmpty(); line = line(in)) {
            int colon = line.indexOf(':');
            headers.add(line.substring(0, colon).trim(), line.substring(colon + 1).trim());
        }
        byte[] body;
        if ("chunked".equalsIgnoreCase(headers.getFirst(HttpHeaders.TRANSFER_ENCODING))) {
            ByteArrayOutputStream chunks = new ByteArrayOutputStream();
            for (int size = Integer.parseInt(line(in).split(";")[0].trim(), 16); size > 0;
                 size = Integer.parseInt(line(in).split(";")[0].trim(), 16)) {
                chunks.write(in.readNBytes(size));
                line(in);
            }
            body = chunks.toByteArray();
        } else if (headers.getContentLength() >= 0) {
            body = in.readNBytes((int) headers.getContentLength());
        } else {
            body = in.readAllBytes();
        }
        return new Reply(status, headers, parse(headers.getContentType(), body));
    }

    private static JsonNode parse(MediaType type, byte[] body) throws IOException {
        if (body.length == 0) {
            return MissingNode.getInstance();
        }
        boolean json = type != null && type.getSubtype().toLowerCase(Locale.ROOT).endsWith("json");
        return json ? JSON.readTree(body) : TextNode.valueOf(new String(body, StandardCharsets.UTF_8));
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != -1 && b != '\n'; b = in.read()) {
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.US_ASCII);
    }

    /** How the body is framed on the wire. */
    private interface Framing {

        Framing LENGTH = new Framing() {
            @Override
            public String header(int length) {
                return "Content-Length: " + length + "\r\n";
            }

            @Override
            public void write(OutputStream out, byte[] body) throws IOException {
                out.write(body);
            }
        };

        Framing CHUNKED = new Framing() {
            @Override
            public String header(int length) {
                return "Transfer-Encoding: chunked\r\n";
            }

            @Override
            public void write(OutputStream out, byte[] body) throws IOException {
                for (int at = 0; at < body.length; at += 8192) {
                    int size = Math.min(8192, body.length - at);
                    out.write((Integer.toHexString(size) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                    out.write(body, at, size);
                    out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                }
                out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            }
        };

        static Framing announcing(long announced) {
            return new Framing() {
                @Override
                public String header(int length) {
                    return "Content-Length: " + announced + "\r\n";
                }

                @Override
                public void write(OutputStream out, byte[] body) throws IOException {
                    out.write(body);
                }

                @Override
                public boolean halfClose() {
                    return true;
                }
            };
        }

        String header(int length);

        void write(OutputStream out, byte[] body) throws IOException;

        default boolean halfClose() {
            return false;
        }
    }
}
