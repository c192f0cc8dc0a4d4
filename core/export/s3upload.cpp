// SPDX-License-Identifier: MIT
#include "core/export/s3upload.h"

#include "core/version.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QMap>
#include <QThread>
#include <QUrl>
#include <QXmlStreamReader>
#include <algorithm>
#include <curl/curl.h>
#include <memory>

namespace core {

namespace {

    QString tr(const char *text)
    {
        return QCoreApplication::translate("core::S3Upload", text);
    }

    constexpr qint64 kMinPartSize = qint64(5) << 20;
    constexpr int kMaxParts = 10000;

    // RFC 3986 percent-encoding as SigV4 wants it; '/' kept in keys.
    QByteArray awsEncode(const QString &text, bool keepSlash)
    {
        QByteArray out;
        const QByteArray utf8 = text.toUtf8();
        for (const char ch : utf8) {
            const auto c = static_cast<unsigned char>(ch);
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'
                || c == '_' || c == '.' || c == '~' || (keepSlash && c == '/'))
                out += char(c);
            else
                out += '%' + QByteArray::number(c, 16).toUpper().rightJustified(2, '0');
        }
        return out;
    }

    QString hex(const QByteArray &bytes)
    {
        return QString::fromLatin1(bytes.toHex());
    }

    struct CurlGlobal {
        CurlGlobal() { curl_global_init(CURL_GLOBAL_DEFAULT); }
    };

    struct HttpResponse {
        long status = 0;
        QMap<QByteArray, QByteArray> headers; // lower-case names
        QByteArray body;
    };

    struct Body {
        const QByteArray *data = nullptr;
        qsizetype offset = 0;
    };

    size_t readBody(char *buffer, size_t size, size_t count, void *user)
    {
        auto *body = static_cast<Body *>(user);
        const qsizetype n = std::min<qsizetype>(qsizetype(size * count), body->data->size() - body->offset);
        memcpy(buffer, body->data->constData() + body->offset, size_t(n));
        body->offset += n;
        return size_t(n);
    }

    size_t writeBody(char *data, size_t size, size_t count, void *user)
    {
        static_cast<HttpResponse *>(user)->body.append(data, qsizetype(size * count));
        return size * count;
    }

    size_t writeHeader(char *data, size_t size, size_t count, void *user)
    {
        const QByteArray line(data, qsizetype(size * count));
        const qsizetype colon = line.indexOf(':');
        if (colon > 0)
            static_cast<HttpResponse *>(user)->headers.insert(
                line.left(colon).trimmed().toLower(), line.mid(colon + 1).trimmed());
        return size * count;
    }

    int progressCallback(void *user, curl_off_t, curl_off_t, curl_off_t, curl_off_t)
    {
        const auto *job = static_cast<const JobContext *>(user);
        return job && job->isCancelled() ? 1 : 0;
    }

    QString xmlElement(const QByteArray &xml, const QString &name)
    {
        QXmlStreamReader reader(xml);
        while (!reader.atEnd()) {
            if (reader.readNext() == QXmlStreamReader::StartElement && reader.name() == name)
                return reader.readElementText();
        }
        return {};
    }

    // An S3 session: signs and sends requests, classifies failures.
    class S3Client final {
    public:
        S3Client(const S3Target &target, JobContext *job)
            : m_target(target)
            , m_job(job)
        {
            static CurlGlobal global;
            m_curl = curl_easy_init();
            QString endpoint = target.endpoint;
            if (endpoint.isEmpty())
                endpoint = QStringLiteral("https://s3.%1.amazonaws.com").arg(target.region);
            while (endpoint.endsWith(u'/'))
                endpoint.chop(1);
            m_endpoint = QUrl(endpoint);
            m_sigv4 = "aws:amz:" + target.region.toUtf8() + ":s3";
        }
        ~S3Client() { curl_easy_cleanup(m_curl); }
        S3Client(const S3Client &) = delete;
        S3Client &operator=(const S3Client &) = delete;

        QString scrub(QString text) const
        {
            text = scrubSecret(std::move(text), m_target.credentials.secretAccessKey);
            return scrubSecret(std::move(text), m_target.credentials.sessionToken);
        }

        QByteArray url(const QString &fullKey, const QByteArray &query) const
        {
            QByteArray path;
            QUrl base = m_endpoint;
            if (m_target.pathStyle) {
                path = awsEncode(m_target.bucket, false) + '/' + awsEncode(fullKey, true);
            } else {
                base.setHost(m_target.bucket + u'.' + base.host());
                path = awsEncode(fullKey, true);
            }
            QByteArray out = base.toEncoded(QUrl::RemovePath | QUrl::RemoveQuery) + m_endpoint.path().toUtf8()
                + '/' + path;
            if (!query.isEmpty())
                out += '?' + query;
            return out;
        }

        /// One HTTP exchange. `query` must already be in SigV4 canonical form (sorted, encoded,
        /// "key=" for valueless keys), so any libcurl version signs what is sent.
        Result<HttpResponse> request(const char *method, const QString &fullKey, const QByteArray &query,
            const QByteArray &body, const QList<QByteArray> &extraHeaders, const QString &what)
        {
            const QByteArray payloadHash = QCryptographicHash::hash(body, QCryptographicHash::Sha256).toHex();
            Error last;
            for (int attempt = 1; attempt <= std::max(1, m_target.maxAttempts); ++attempt) {
                if (m_job && m_job->isCancelled())
                    return cancelledError();
                HttpResponse response;
                char errorBuffer[CURL_ERROR_SIZE] = {};
                curl_easy_reset(m_curl);
                const QByteArray target = url(fullKey, query);
                curl_easy_setopt(m_curl, CURLOPT_URL, target.constData());
                curl_easy_setopt(m_curl, CURLOPT_AWS_SIGV4, m_sigv4.constData());
                const QByteArray user = m_target.credentials.accessKeyId.toUtf8();
                const QByteArray password = m_target.credentials.secretAccessKey.toUtf8();
                curl_easy_setopt(m_curl, CURLOPT_USERNAME, user.constData());
                curl_easy_setopt(m_curl, CURLOPT_PASSWORD, password.constData());
                curl_easy_setopt(m_curl, CURLOPT_ERRORBUFFER, errorBuffer);
                curl_easy_setopt(m_curl, CURLOPT_NOSIGNAL, 1L);
                curl_easy_setopt(m_curl, CURLOPT_CONNECTTIMEOUT, 20L);
                curl_easy_setopt(m_curl, CURLOPT_LOW_SPEED_LIMIT, 1L);
                curl_easy_setopt(m_curl, CURLOPT_LOW_SPEED_TIME, 120L);
                curl_easy_setopt(m_curl, CURLOPT_WRITEFUNCTION, writeBody);
                curl_easy_setopt(m_curl, CURLOPT_WRITEDATA, &response);
                curl_easy_setopt(m_curl, CURLOPT_HEADERFUNCTION, writeHeader);
                curl_easy_setopt(m_curl, CURLOPT_HEADERDATA, &response);
                curl_easy_setopt(m_curl, CURLOPT_NOPROGRESS, 0L);
                curl_easy_setopt(m_curl, CURLOPT_XFERINFOFUNCTION, progressCallback);
                curl_easy_setopt(m_curl, CURLOPT_XFERINFODATA, m_job);
                curl_slist *headers = nullptr;
                headers = curl_slist_append(headers, ("x-amz-content-sha256: " + payloadHash).constData());
                if (!m_target.credentials.sessionToken.isEmpty())
                    headers = curl_slist_append(headers,
                        ("x-amz-security-token: " + m_target.credentials.sessionToken.toUtf8()).constData());
                headers = curl_slist_append(headers, "Expect:");
                for (const QByteArray &header : extraHeaders)
                    headers = curl_slist_append(headers, header.constData());
                curl_easy_setopt(m_curl, CURLOPT_HTTPHEADER, headers);
                Body source { &body, 0 };
                const QByteArray verb(method);
                if (verb == "PUT") {
                    curl_easy_setopt(m_curl, CURLOPT_UPLOAD, 1L);
                    curl_easy_setopt(m_curl, CURLOPT_READFUNCTION, readBody);
                    curl_easy_setopt(m_curl, CURLOPT_READDATA, &source);
                    curl_easy_setopt(m_curl, CURLOPT_INFILESIZE_LARGE, curl_off_t(body.size()));
                } else if (verb == "POST") {
                    curl_easy_setopt(m_curl, CURLOPT_POST, 1L);
                    curl_easy_setopt(m_curl, CURLOPT_POSTFIELDS, body.constData());
                    curl_easy_setopt(m_curl, CURLOPT_POSTFIELDSIZE_LARGE, curl_off_t(body.size()));
                } else if (verb == "HEAD") {
                    curl_easy_setopt(m_curl, CURLOPT_NOBODY, 1L);
                } else if (verb != "GET") {
                    curl_easy_setopt(m_curl, CURLOPT_CUSTOMREQUEST, method);
                }
                const CURLcode code = curl_easy_perform(m_curl);
                curl_slist_free_all(headers);
                curl_easy_getinfo(m_curl, CURLINFO_RESPONSE_CODE, &response.status);
                const QString where = QStringLiteral("s3://%1/%2").arg(m_target.bucket, fullKey);
                if (code == CURLE_ABORTED_BY_CALLBACK)
                    return cancelledError();
                bool retry = false;
                if (code != CURLE_OK) {
                    last = Error { Error::Code::Io, tr("Upload to %1 failed while %2.").arg(where, what),
                        scrub(QStringLiteral("%1 (curl %2, attempt %3 of %4, endpoint %5)")
                                  .arg(QString::fromUtf8(
                                      errorBuffer[0] ? errorBuffer : curl_easy_strerror(code)))
                                  .arg(int(code))
                                  .arg(attempt)
                                  .arg(m_target.maxAttempts)
                                  .arg(m_endpoint.toString())) };
                    retry = true;
                } else if (response.status >= 200 && response.status < 300
                    && !(verb == "POST" && response.body.contains("<Error>"))) {
                    return response;
                } else {
                    const QString s3Code = xmlElement(response.body, QStringLiteral("Code"));
                    const QString s3Message = xmlElement(response.body, QStringLiteral("Message"));
                    last = Error { Error::Code::Io,
                        tr("The storage service refused %1 for %2 (HTTP %3%4).")
                            .arg(what, where)
                            .arg(response.status)
                            .arg(s3Code.isEmpty() ? QString() : QStringLiteral(", ") + s3Code),
                        scrub(QStringLiteral("%1 (attempt %2 of %3, endpoint %4)")
                                  .arg(s3Message.isEmpty() ? QString::fromUtf8(response.body.left(300))
                                                           : s3Message)
                                  .arg(attempt)
                                  .arg(m_target.maxAttempts)
                                  .arg(m_endpoint.toString())) };
                    retry = response.status >= 500 || response.status == 429 || response.status == 408
                        || (response.status == 200 && verb == "POST");
                    if (response.status == 403 || response.status == 401)
                        last.code = Error::Code::InvalidInput;
                }
                if (!retry)
                    return last;
                if (attempt < m_target.maxAttempts)
                    QThread::msleep(200UL << (attempt - 1));
            }
            return last;
        }

    private:
        const S3Target &m_target;
        JobContext *m_job;
        CURL *m_curl = nullptr;
        QUrl m_endpoint;
        QByteArray m_sigv4;
    };

    QByteArray etagOf(const HttpResponse &response)
    {
        QByteArray etag = response.headers.value("etag");
        etag.replace('"', QByteArray());
        return etag;
    }

    struct Source {
        const S3Object *object = nullptr;
        std::unique_ptr<QFile> file;
        qint64 size = 0;

        Result<QByteArray> read(qint64 offset, qint64 length)
        {
            if (!file)
                return object->data.mid(offset, length);
            if (!file->seek(offset))
                return Error { Error::Code::Io,
                    tr("Cannot read %1.").arg(QDir::toNativeSeparators(object->filePath)),
                    file->errorString() };
            QByteArray bytes = file->read(length);
            if (bytes.size() != length)
                return Error { Error::Code::Io,
                    tr("Cannot read %1.").arg(QDir::toNativeSeparators(object->filePath)),
                    file->errorString() };
            return bytes;
        }
    };

    Result<Source> openSource(const S3Object &object)
    {
        Source source;
        source.object = &object;
        if (object.filePath.isEmpty()) {
            source.size = object.data.size();
            return source;
        }
        source.file = std::make_unique<QFile>(object.filePath);
        if (!source.file->open(QIODevice::ReadOnly))
            return Error { Error::Code::Io,
                tr("Cannot open %1 for upload.").arg(QDir::toNativeSeparators(object.filePath)),
                source.file->errorString() };
        source.size = source.file->size();
        return source;
    }

    Result<QString> sha256OfSource(Source &source, JobContext *job)
    {
        QCryptographicHash hash(QCryptographicHash::Sha256);
        constexpr qint64 kChunk = qint64(8) << 20;
        for (qint64 offset = 0; offset < source.size; offset += kChunk) {
            if (job && job->isCancelled())
                return cancelledError();
            auto bytes = source.read(offset, std::min(kChunk, source.size - offset));
            if (!bytes)
                return bytes.error();
            hash.addData(bytes.value());
        }
        return hex(hash.result());
    }

    struct Progress {
        JobContext &job;
        qint64 total = 0;
        qint64 done = 0;
        void add(qint64 bytes, const QString &key)
        {
            done += bytes;
            job.reportProgress(
                total > 0 ? std::min(1.0, double(done) / double(total)) : 1.0, tr("Uploading %1").arg(key));
        }
    };

    Result<S3UploadedObject> uploadOne(
        S3Client &client, const S3Target &target, const S3Object &object, Progress &progress)
    {
        S3UploadedObject uploaded;
        uploaded.key = target.fullKey(object.key);
        auto opened = openSource(object);
        if (!opened)
            return opened.error();
        Source &source = opened.value();
        uploaded.size = source.size;
        auto sha = sha256OfSource(source, &progress.job);
        if (!sha)
            return sha.error();
        uploaded.sha256 = sha.value();
        const QList<QByteArray> headers { "Content-Type: " + object.contentType.toUtf8(),
            "x-amz-meta-sha256: " + uploaded.sha256.toLatin1() };
        QByteArray expectedEtag;
        QByteArray wholeMd5;

        if (source.size <= target.multipartThreshold) {
            auto bytes = source.read(0, source.size);
            if (!bytes)
                return bytes.error();
            expectedEtag = QCryptographicHash::hash(bytes.value(), QCryptographicHash::Md5).toHex();
            wholeMd5 = expectedEtag;
            auto put
                = client.request("PUT", uploaded.key, {}, bytes.value(), headers, tr("uploading the object"));
            if (!put)
                return put.error();
            uploaded.etag = QString::fromLatin1(etagOf(put.value()));
            progress.add(source.size, uploaded.key);
        } else {
            const qint64 partSize = std::max({ target.partSize, (source.size + kMaxParts - 1) / kMaxParts,
                std::min(kMinPartSize, target.partSize) });
            auto initiated = client.request(
                "POST", uploaded.key, "uploads=", {}, headers, tr("starting a multipart upload"));
            if (!initiated)
                return initiated.error();
            const QString uploadId = xmlElement(initiated.value().body, QStringLiteral("UploadId"));
            if (uploadId.isEmpty())
                return Error { Error::Code::Io,
                    tr("The storage service gave no upload id for s3://%1/%2.")
                        .arg(target.bucket, uploaded.key),
                    client.scrub(QString::fromUtf8(initiated.value().body.left(300))) };
            const QByteArray encodedId = awsEncode(uploadId, false);
            // Any failure from here on aborts the upload, so no parts linger and no object appears.
            // The abort goes through a client that ignores the job's cancel flag, so a cancel aborts too.
            const auto abort = [&](Error error) {
                S3Client cleanup(target, nullptr);
                auto aborted = cleanup.request("DELETE", uploaded.key, "uploadId=" + encodedId, {}, {},
                    tr("aborting the multipart upload"));
                if (!aborted)
                    error.detail += QStringLiteral("; abort failed too: %1").arg(aborted.error().toString());
                return error;
            };
            QByteArray completeXml = "<CompleteMultipartUpload>";
            QCryptographicHash md5OfMd5s(QCryptographicHash::Md5);
            QCryptographicHash whole(QCryptographicHash::Md5);
            int partNumber = 0;
            for (qint64 offset = 0; offset < source.size; offset += partSize) {
                ++partNumber;
                auto bytes = source.read(offset, std::min(partSize, source.size - offset));
                if (!bytes)
                    return abort(bytes.error());
                const QByteArray partMd5 = QCryptographicHash::hash(bytes.value(), QCryptographicHash::Md5);
                md5OfMd5s.addData(partMd5);
                whole.addData(bytes.value());
                QByteArray etag;
                for (int attempt = 1;; ++attempt) {
                    auto part = client.request("PUT", uploaded.key,
                        "partNumber=" + QByteArray::number(partNumber) + "&uploadId=" + encodedId,
                        bytes.value(), {}, tr("uploading part %1").arg(partNumber));
                    if (!part)
                        return abort(part.error());
                    etag = etagOf(part.value());
                    if (etag == partMd5.toHex())
                        break;
                    // A part that arrived damaged is sent again (the request itself already retries errors).
                    if (attempt >= target.maxAttempts)
                        return abort(Error { Error::Code::Io,
                            tr("Part %1 of s3://%2/%3 arrived damaged (ETag mismatch).")
                                .arg(partNumber)
                                .arg(target.bucket, uploaded.key),
                            QStringLiteral("expected %1, got %2")
                                .arg(QString::fromLatin1(partMd5.toHex()), QString::fromLatin1(etag)) });
                }
                completeXml += "<Part><PartNumber>" + QByteArray::number(partNumber) + "</PartNumber><ETag>\""
                    + etag + "\"</ETag></Part>";
                progress.add(bytes.value().size(), uploaded.key);
            }
            completeXml += "</CompleteMultipartUpload>";
            if (progress.job.isCancelled())
                return abort(cancelledError());
            auto completed = client.request("POST", uploaded.key, "uploadId=" + encodedId, completeXml,
                { "Content-Type: application/xml" }, tr("completing the multipart upload"));
            if (!completed)
                return abort(completed.error());
            uploaded.parts = partNumber;
            uploaded.etag = xmlElement(completed.value().body, QStringLiteral("ETag")).remove(u'"');
            expectedEtag = md5OfMd5s.result().toHex() + '-' + QByteArray::number(partNumber);
            wholeMd5 = whole.result().toHex();
        }

        // Verify what the service now holds: size, and the ETag S3 defines for the bytes we sent
        // (MD5, or MD5 of the part MD5s + "-N"; some servers give the MD5 of the whole object).
        auto head = client.request("HEAD", uploaded.key, {}, {}, {}, tr("checking the uploaded object"));
        if (!head)
            return head.error();
        const QByteArray etag = etagOf(head.value());
        const qint64 length = head.value().headers.value("content-length").toLongLong();
        const bool etagOk = etag == expectedEtag || etag == wholeMd5
            || head.value().headers.value("x-amz-meta-sha256") == uploaded.sha256.toLatin1();
        if (length != source.size || !etagOk) {
            Error error { Error::Code::Io,
                tr("The object s3://%1/%2 does not match what was uploaded; it was deleted.")
                    .arg(target.bucket, uploaded.key),
                QStringLiteral("size %1 vs %2, ETag %3 vs %4")
                    .arg(length)
                    .arg(source.size)
                    .arg(QString::fromLatin1(etag), QString::fromLatin1(expectedEtag)) };
            (void)client.request("DELETE", uploaded.key, {}, {}, {}, tr("deleting a damaged object"));
            return error;
        }
        uploaded.etag = QString::fromLatin1(etag);
        if (target.verifyByReadBack) {
            auto back = client.request("GET", uploaded.key, {}, {}, {}, tr("reading the object back"));
            if (!back)
                return back.error();
            if (hex(QCryptographicHash::hash(back.value().body, QCryptographicHash::Sha256))
                != uploaded.sha256) {
                (void)client.request("DELETE", uploaded.key, {}, {}, {}, tr("deleting a damaged object"));
                return Error { Error::Code::Io,
                    tr("Reading s3://%1/%2 back gave different bytes; it was deleted.")
                        .arg(target.bucket, uploaded.key),
                    {} };
            }
        }
        return uploaded;
    }

} // namespace

Result<S3Target> S3Target::fromUrl(const QString &url, const QString &endpoint, const QString &region)
{
    const QUrl parsed(url, QUrl::StrictMode);
    if (!parsed.isValid() || parsed.scheme() != u"s3" || parsed.host().isEmpty())
        return Error { Error::Code::InvalidInput, tr("%1 is not an s3://bucket/prefix URL.").arg(url), {} };
    S3Target target;
    target.endpoint = endpoint;
    target.region = region.isEmpty() ? QStringLiteral("us-east-1") : region;
    target.bucket = parsed.host(QUrl::FullyDecoded);
    target.prefix = parsed.path(QUrl::FullyDecoded).mid(1);
    return target;
}

QString S3Target::describe() const
{
    return QStringLiteral("s3://%1/%2").arg(bucket, prefix);
}

QString S3Target::fullKey(const QString &key) const
{
    if (prefix.isEmpty())
        return key;
    return prefix.endsWith(u'/') ? prefix + key : prefix + u'/' + key;
}

Result<S3UploadResult> uploadToS3(const S3Target &target, const QList<S3Object> &objects, JobContext &job)
{
    if (target.bucket.isEmpty())
        return Error { Error::Code::InvalidInput, tr("No bucket given for the upload."), {} };
    if (target.credentials.accessKeyId.isEmpty() || target.credentials.secretAccessKey.isEmpty())
        return Error { Error::Code::InvalidInput,
            tr("No credentials for %1: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY.")
                .arg(target.describe()),
            {} };
    Progress progress { job };
    for (const S3Object &object : objects)
        progress.total += object.filePath.isEmpty() ? object.data.size() : QFileInfo(object.filePath).size();
    S3Client client(target, &job);
    S3UploadResult result;
    for (const S3Object &object : objects) {
        auto uploaded = uploadOne(client, target, object, progress);
        if (!uploaded) {
            // All or nothing across the set: remove what this call already wrote.
            S3Client cleanup(target, nullptr);
            for (const S3UploadedObject &done : result.objects)
                (void)cleanup.request(
                    "DELETE", done.key, {}, {}, {}, tr("removing an object of a failed upload"));
            return uploaded.error();
        }
        result.objects.append(uploaded.value());
    }
    job.reportProgress(1.0,
        QCoreApplication::translate(
            "core::S3Upload", "Uploaded %n object(s) to %1", nullptr, int(result.objects.size()))
            .arg(target.describe()));
    return result;
}

Result<QByteArray> downloadFromS3(const S3Target &target, const QString &key, JobContext &job)
{
    S3Client client(target, &job);
    auto response = client.request("GET", target.fullKey(key), {}, {}, {}, tr("downloading"));
    if (!response)
        return response.error();
    return response.value().body;
}

Result<bool> s3ObjectExists(const S3Target &target, const QString &key)
{
    S3Target once = target;
    once.maxAttempts = 1;
    S3Client client(once, nullptr);
    auto response = client.request("HEAD", once.fullKey(key), {}, {}, {}, tr("looking for the object"));
    if (response)
        return true;
    if (response.error().message.contains(QStringLiteral("HTTP 404")))
        return false;
    return response.error();
}

Result<void> deleteFromS3(const S3Target &target, const QString &key)
{
    S3Client client(target, nullptr);
    auto response = client.request("DELETE", target.fullKey(key), {}, {}, {}, tr("deleting the object"));
    if (!response)
        return response.error();
    return {};
}

Result<QString> sha256OfFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error { Error::Code::Io, tr("Cannot open %1.").arg(QDir::toNativeSeparators(path)),
            file.errorString() };
    QCryptographicHash hash(QCryptographicHash::Sha256);
    if (!hash.addData(&file))
        return Error { Error::Code::Io, tr("Cannot read %1.").arg(QDir::toNativeSeparators(path)),
            file.errorString() };
    return hex(hash.result());
}

Result<S3Object> makeManifestObject(
    const ExportManifest &manifest, const QList<S3Object> &objects, const QString &key)
{
    QJsonArray files;
    QString firstSha;
    for (const S3Object &object : objects) {
        QString sha;
        qint64 size = 0;
        if (object.filePath.isEmpty()) {
            sha = hex(QCryptographicHash::hash(object.data, QCryptographicHash::Sha256));
            size = object.data.size();
        } else {
            auto fileSha = sha256OfFile(object.filePath);
            if (!fileSha)
                return fileSha.error();
            sha = fileSha.value();
            size = QFileInfo(object.filePath).size();
        }
        if (firstSha.isEmpty())
            firstSha = sha;
        files.append(
            QJsonObject { { QStringLiteral("key"), object.key }, { QStringLiteral("size"), double(size) },
                { QStringLiteral("sha256"), sha }, { QStringLiteral("contentType"), object.contentType } });
    }
    QJsonArray columns;
    for (qsizetype i = 0; i < manifest.columns.size(); ++i)
        columns.append(QJsonObject { { QStringLiteral("name"), manifest.columns[i] },
            { QStringLiteral("type"), manifest.columnTypes.value(i) } });
    const QJsonObject root {
        { QStringLiteral("format"), QStringLiteral("healthsynth-export-manifest") },
        { QStringLiteral("formatVersion"), 1 },
        { QStringLiteral("appVersion"), appVersion() },
        { QStringLiteral("createdUtc"), QDateTime::currentDateTimeUtc().toString(Qt::ISODate) },
        { QStringLiteral("rowCount"), double(manifest.rowCount) },
        { QStringLiteral("columns"), columns },
        { QStringLiteral("generator"), manifest.generator },
        { QStringLiteral("seed"), QString::number(manifest.seed) },
        { QStringLiteral("scores"), manifest.scores },
        { QStringLiteral("sha256"), firstSha },
        { QStringLiteral("files"), files },
    };
    S3Object object;
    object.key = key;
    object.data = QJsonDocument(root).toJson(QJsonDocument::Indented);
    object.contentType = QStringLiteral("application/json");
    return object;
}

} // namespace core
