package org.makerspace.api.openbadges.verify;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Fetches one document from a trusted partner, and nothing else: an https URL (plain http only to a loopback
 * address, and only when {@link VerifyProperties.Fetch#allowHttpToLoopback()} is set for tests), no proxy, a connect
 * timeout, a deadline for the whole answer, a size limit enforced while the body streams in, and redirects followed
 * only within the same origin. Which URLs are worth fetching at all is the caller's decision; this class only makes
 * sure a fetch stays small, short and on the host it was aimed at.
 */
final class PartnerFetch {

    private static final String ACCEPT = "application/ld+json, application/json, application/vc+ld+json, "
                                         + "application/vc+jwt;q=0.9, application/jwt;q=0.9, */*;q=0.1";

    private final VerifyProperties.Fetch limits;
    private final HttpClient client;

    PartnerFetch(VerifyProperties.Fetch limits) {
        this.limits = limits;
        this.client = HttpClient.newBuilder()
                .connectTimeout(limits.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .proxy(HttpClient.Builder.NO_PROXY)
                .build();
    }

    /**
     * Why this class would never fetch the URL, checked before any connection; null when it may. Besides https only,
     * a partner's host must be on the public internet: a lab admin declaring a partner must not be able to make this
     * server reach into the network it runs in. (The host is looked up again to connect, so a partner's DNS that
     * changes its answer in between is not caught; partners are declared by lab admins, not by the public.)
     */
    String refusal(URI url) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (scheme.equals("http") && limits.allowHttpToLoopback() && Origins.isLoopback(url)) {
            return null;
        }
        if (!scheme.equals("https")) {
            return "only https URLs are fetched, not " + url;
        }
        if (Origins.isPrivate(url)) {
            return "hosts on private or unknown addresses are not fetched: " + url;
        }
        return null;
    }

    /** The body of {@code url} as text, answered 200 within the limits. */
    String fetch(String url) throws FetchFailure {
        return fetch(url, null).text();
    }

    /**
     * The body of {@code url} with its cache headers; with {@code etag}, asked conditionally ({@code If-None-Match}),
     * and a {@code 304 Not Modified} comes back as a {@link Fetched} without text.
     */
    Fetched fetch(String url, String etag) throws FetchFailure {
        URI current = Origins.httpUrl(url).orElseThrow(() -> new FetchFailure("not an http(s) URL: " + url));
        String origin = Origins.origin(current);
        for (int redirects = 0; ; redirects++) {
            String refused = refusal(current);
            if (refused != null) {
                throw new FetchFailure(refused);
            }
            HttpResponse<byte[]> response = get(withoutFragment(current), etag);
            int status = response.statusCode();
            if (status == 200) {
                return Fetched.of(new String(response.body(), StandardCharsets.UTF_8), response.headers());
            }
            if (status == 304 && etag != null) {
                return Fetched.of(null, response.headers());
            }
            if (!isRedirect(status)) {
                throw new FetchFailure(current + " answered " + status, status);
            }
            URI from = current;
            String location = response.headers().firstValue("Location")
                    .orElseThrow(() -> new FetchFailure(from + " redirected without a Location"));
            URI next = from.resolve(location);
            if (Origins.httpUrl(next.toString()).isEmpty() || !Origins.origin(next).equals(origin)) {
                throw new FetchFailure(current + " redirected to another host: " + next);
            }
            if (redirects >= limits.maxRedirects()) {
                throw new FetchFailure(url + " redirected more than " + limits.maxRedirects() + " times");
            }
            current = next;
        }
    }

    private HttpResponse<byte[]> get(URI url, String etag) throws FetchFailure {
        HttpRequest.Builder builder = HttpRequest.newBuilder(url)
                .GET()
                .header("Accept", ACCEPT)
                .timeout(limits.readTimeout());
        if (etag != null) {
            builder.header("If-None-Match", etag);
        }
        HttpRequest request = builder.build();
        long max = limits.maxDocumentSize().toBytes();
        // Only a 200's body is read; any other body is dropped, and the deadline bounds how long dropping takes.
        CompletableFuture<HttpResponse<byte[]>> answer = client.sendAsync(request, info -> info.statusCode() == 200
                ? new Limited(max) : HttpResponse.BodySubscribers.replacing(new byte[0]));
        long deadline = limits.connectTimeout().plus(limits.readTimeout()).toMillis();
        try {
            return answer.get(deadline, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            answer.cancel(true);
            throw new FetchFailure(url + " did not answer within " + deadline + " ms");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FetchFailure("interrupted while fetching " + url);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof TooLarge) {
                throw new FetchFailure(url + " sent more than " + max + " bytes");
            }
            if (cause instanceof IOException && cause.getCause() instanceof TooLarge) {
                throw new FetchFailure(url + " sent more than " + max + " bytes");
            }
            if (cause instanceof HttpConnectTimeoutException) {
                throw new FetchFailure("could not connect to " + url + " within "
                                       + limits.connectTimeout().toMillis() + " ms");
            }
            if (cause instanceof HttpTimeoutException) {
                throw new FetchFailure(url + " did not answer within " + limits.readTimeout().toMillis() + " ms");
            }
            throw new FetchFailure("cannot fetch " + url + ": " + describe(cause));
        }
    }

    private static String describe(Throwable cause) {
        String message = cause.getMessage();
        return cause.getClass().getSimpleName() + (message == null ? "" : " (" + message + ")");
    }

    private static boolean isRedirect(int status) {
        return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
    }

    private static URI withoutFragment(URI url) {
        try {
            return new URI(url.getScheme(), url.getRawSchemeSpecificPart(), null);
        } catch (java.net.URISyntaxException e) {
            return url;
        }
    }

    /** The body was cut off at the size limit. */
    private static final class TooLarge extends IOException {

        private static final long serialVersionUID = 1L;
    }

    /** Collects the body, cancelling the download as soon as it passes the limit. */
    private static final class Limited implements HttpResponse.BodySubscriber<byte[]> {

        private final CompletableFuture<byte[]> body = new CompletableFuture<>();
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private final long max;
        private Flow.Subscription subscription;

        Limited(long max) {
            this.max = max;
        }

        @Override
        public CompletionStage<byte[]> getBody() {
            return body;
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            this.subscription = subscription;
            subscription.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(List<ByteBuffer> buffers) {
            if (body.isDone()) {
                return;
            }
            for (ByteBuffer buffer : buffers) {
                if (bytes.size() + (long) buffer.remaining() > max) {
                    subscription.cancel();
                    body.completeExceptionally(new TooLarge());
                    return;
                }
                byte[] chunk = new byte[buffer.remaining()];
                buffer.get(chunk);
                bytes.write(chunk, 0, chunk.length);
            }
        }

        @Override
        public void onError(Throwable failure) {
            body.completeExceptionally(failure);
        }

        @Override
        public void onComplete() {
            body.complete(bytes.toByteArray());
        }
    }
}
