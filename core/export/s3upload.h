// SPDX-License-Identifier: MIT
#pragma once

#include "core/export/credentials.h"
#include "core/job.h"
#include "core/result.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QJsonObject>
#include <QList>
#include <QStringList>

namespace core {

/// An S3-compatible bucket (AWS S3, MinIO, GCS's interoperable endpoint) and how to upload to it.
struct S3Target {
    /// "https://s3.eu-west-1.amazonaws.com", "http://127.0.0.1:9000"; empty = AWS for `region`.
    QString endpoint;
    QString region = QStringLiteral("us-east-1");
    QString bucket;
    /// Prepended to every key; a '/' is added when missing ("studies/2024" -> "studies/2024/x.csv").
    QString prefix;
    /// true: endpoint/bucket/key (MinIO, s3rver); false: bucket.host/key (virtual-hosted style).
    bool pathStyle = true;
    S3Credentials credentials;
    /// Files larger than this go up as a multipart upload.
    qint64 multipartThreshold = qint64(64) << 20;
    /// Part size for multipart uploads. S3 wants >= 5 MiB except for the last part; raised
    /// automatically so no upload needs more than 10,000 parts.
    qint64 partSize = qint64(16) << 20;
    /// Attempts per request (network errors, 5xx, 429) with exponential back-off.
    int maxAttempts = 3;
    /// Also download each object after upload and compare its SHA-256 (costs a full read).
    bool verifyByReadBack = false;

    /// "s3://bucket/prefix/path" into bucket and prefix; fails naming the URL.
    static Result<S3Target> fromUrl(const QString &url, const QString &endpoint = {},
        const QString &region = QStringLiteral("us-east-1"));
    /// "s3://bucket/prefix" for messages (no credentials).
    QString describe() const;
    /// The full key for a key relative to the prefix.
    QString fullKey(const QString &key) const;
};

/// One object to write: from a file, or from memory when filePath is empty.
struct S3Object {
    QString key; ///< relative to the target's prefix, e.g. "synthetic.csv"
    QString filePath;
    QByteArray data;
    QString contentType = QStringLiteral("application/octet-stream");
};

struct S3UploadedObject {
    QString key; ///< full key in the bucket
    qint64 size = 0;
    QString etag;
    QString sha256; ///< hex, of the uploaded bytes; also stored as x-amz-meta-sha256
    int parts = 0; ///< 0 for a single PUT
};

struct S3UploadResult {
    QList<S3UploadedObject> objects;
};

/// Uploads the objects in order with libcurl and AWS SigV4 (CURLOPT_AWS_SIGV4, with
/// x-amz-content-sha256 on every request). Files over target.multipartThreshold use a multipart
/// upload; each part is retried, and on any failure or cancel the upload is aborted, so no
/// broken object remains. Every object is verified after upload (size and ETag = MD5 of the
/// bytes, or of the part MD5s for multipart; optionally a read-back). If a later object
/// fails, the objects this call already wrote are deleted again. Errors name the bucket and
/// key and carry the HTTP status and S3 error code; secrets never appear in them.
Result<S3UploadResult> uploadToS3(const S3Target &target, const QList<S3Object> &objects, JobContext &job);

/// Downloads an object (key relative to the prefix); for verification and tests.
Result<QByteArray> downloadFromS3(const S3Target &target, const QString &key, JobContext &job);
/// Whether an object exists (HEAD); key relative to the prefix.
Result<bool> s3ObjectExists(const S3Target &target, const QString &key);
/// Deletes an object (key relative to the prefix); deleting a missing object succeeds.
Result<void> deleteFromS3(const S3Target &target, const QString &key);

/// What the manifest says about an export.
struct ExportManifest {
    qint64 rowCount = 0;
    QStringList columns;
    QStringList columnTypes; ///< storage or SQL type per column, same order
    QString generator; ///< generator id, e.g. "gaussian_copula"
    quint64 seed = 0;
    QJsonObject scores; ///< e.g. {"quality_overall": 0.86}
};

/// The JSON manifest object ("manifest.json" under the prefix): row count, columns, generator,
/// seed, scores, and the size and SHA-256 of each listed object ("sha256" at the top level is
/// the first object's, normally the CSV). Reads the files to hash them; fails naming a file
/// that cannot be read.
Result<S3Object> makeManifestObject(const ExportManifest &manifest, const QList<S3Object> &objects,
    const QString &key = QStringLiteral("manifest.json"));

/// SHA-256 of a file as lower-case hex; Io error naming the file.
Result<QString> sha256OfFile(const QString &path);

} // namespace core
