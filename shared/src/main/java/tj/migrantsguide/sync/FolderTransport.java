package tj.migrantsguide.sync;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import tj.migrantsguide.transport.HttpRequest;
import tj.migrantsguide.transport.HttpResponse;
import tj.migrantsguide.transport.HttpTransport;

/**
 * A feed folder (a USB stick, {@code sync DIR}) read as if it were a feed host, so that a folder goes through
 * exactly the checks, caps, rejections and progress of a server: each file is answered as a 200
 * {@code application/json} response with its length. A file that is not there, or that is a link leading out of
 * the folder, is refused by name ({@link Refused}: {@code MISSING_FILE}, {@code OUTSIDE_FOLDER}).
 */
final class FolderTransport implements HttpTransport {
    /** A file of the folder that is not answered: {@link Downloader} makes it the rejection. */
    static final class Refused extends IOException {
        private static final long serialVersionUID = 1L;

        private final transient Rejection rejection;

        Refused(Rejection rejection) {
            super(rejection.details());
            this.rejection = rejection;
        }

        Rejection rejection() {
            return rejection;
        }
    }

    private final Path folder;

    FolderTransport(Path folder) {
        this.folder = folder.toAbsolutePath().normalize();
    }

    @Override
    public HttpResponse send(HttpRequest request) throws IOException {
        Path file = Path.of(request.uri()).normalize();
        String name = folder.relativize(file).toString().replace('\\', '/');
        if (!file.startsWith(folder)) {
            throw new Refused(new Rejection.OutsideFolder(name, file.toString()));
        }
        Path real;
        Path root;
        try {
            root = folder.toRealPath();
            real = file.toRealPath();
        } catch (NoSuchFileException e) {
            throw new Refused(new Rejection.MissingFile(name));
        }
        if (!real.startsWith(root)) {
            throw new Refused(new Rejection.OutsideFolder(name, real.toString()));
        }
        if (!Files.isRegularFile(real)) {
            throw new Refused(new Rejection.MissingFile(name));
        }
        long size = Files.size(real);
        InputStream body = Files.newInputStream(real);
        return new HttpResponse() {
            @Override
            public int status() {
                return 200;
            }

            @Override
            public Optional<String> header(String header) {
                return switch (header.toLowerCase(Locale.ROOT)) {
                    case "content-type" -> Optional.of(Downloader.JSON);
                    case "content-length" -> Optional.of(Long.toString(size));
                    default -> Optional.empty();
                };
            }

            @Override
            public InputStream body() {
                return body;
            }

            @Override
            public void close() throws IOException {
                body.close();
            }
        };
    }

    /** The folder of a {@code file:} address. */
    static Path folderOf(URI url) {
        return Path.of(url);
    }
}
