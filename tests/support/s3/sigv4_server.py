#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""A tiny S3 stand-in that checks AWS Signature Version 4 the way AWS documents it.

s3rver does not verify V4 signatures, so tst_s3sigv4 uses this server to prove that what
libcurl signs for us is what S3 expects: it recomputes every request's canonical request,
string to sign and signature with the known secret (hashlib/hmac, independent of libcurl),
and checks x-amz-content-sha256 against the body. Keeps objects in memory.

usage: sigv4_server.py ACCESS_KEY SECRET REGION   (prints the port on stdout, then serves)
"""
import hashlib
import hmac
import re
import sys
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

ACCESS_KEY, SECRET, REGION = sys.argv[1:4]
objects = {}  # path -> (bytes, headers)
uploads = {}  # upload id -> {part number: bytes}
counter = [0]
# Fault injection for retry and abort tests: part 2 of a key containing "flaky-part" fails
# once with HTTP 500, of a key containing "broken-part" always. GET /__stats (unsigned)
# reports how many uploads were aborted (any path ending in /__stats).
failures = {}
aborted = [0]


def uri_encode(text):
    return urllib.parse.quote(text, safe="-_.~")


def canonical_query(raw):
    pairs = []
    for item in raw.split("&") if raw else []:
        key, _, value = item.partition("=")
        pairs.append((uri_encode(urllib.parse.unquote(key)), uri_encode(urllib.parse.unquote(value))))
    return "&".join(f"{k}={v}" for k, v in sorted(pairs))


def sign(key, message):
    return hmac.new(key, message.encode(), hashlib.sha256).digest()


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def reply(self, status, body=b"", headers=None):
        self.send_response(status)
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)) if self.command != "HEAD" or status != 200
                         else (headers or {}).get("X-Length", "0"))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def error(self, status, code, message):
        self.reply(status, f"<Error><Code>{code}</Code><Message>{message}</Message></Error>".encode())

    def verify(self, body):
        auth = self.headers.get("Authorization", "")
        m = re.match(r"AWS4-HMAC-SHA256 Credential=([^/]+)/(\d{8})/([^/]+)/s3/aws4_request, "
                     r"SignedHeaders=([^,]+), Signature=([0-9a-f]{64})$", auth)
        if not m:
            return "AuthorizationHeaderMalformed"
        key, date, region, signed, signature = m.groups()
        if key != ACCESS_KEY:
            return "InvalidAccessKeyId"
        if region != REGION:
            return "AuthorizationHeaderMalformed"
        names = signed.split(";")
        for required in ("host", "x-amz-date", "x-amz-content-sha256"):
            if required not in names:
                return "AccessDenied"
        if names != sorted(names):
            return "SignatureDoesNotMatch"
        payload = self.headers.get("x-amz-content-sha256", "")
        if payload != hashlib.sha256(body).hexdigest():
            return "XAmzContentSHA256Mismatch"
        path, _, query = self.path.partition("?")
        headers = "".join(f"{n}:{' '.join(self.headers.get(n, '').split())}\n" for n in names)
        canonical = "\n".join([self.command, path, canonical_query(query), headers, signed, payload])
        amz_date = self.headers.get("x-amz-date", "")
        scope = f"{date}/{region}/s3/aws4_request"
        to_sign = "\n".join(["AWS4-HMAC-SHA256", amz_date, scope, hashlib.sha256(canonical.encode()).hexdigest()])
        k = sign(("AWS4" + SECRET).encode(), date)
        k = sign(k, region)
        k = sign(k, "s3")
        k = sign(k, "aws4_request")
        expected = hmac.new(k, to_sign.encode(), hashlib.sha256).hexdigest()
        return None if hmac.compare_digest(expected, signature) else "SignatureDoesNotMatch"

    def handle_any(self):
        length = int(self.headers.get("Content-Length", "0"))
        body = self.rfile.read(length) if length else b""
        if self.path.partition("?")[0].endswith("/__stats"):
            return self.reply(200, f"aborted={aborted[0]}".encode())
        problem = self.verify(body)
        if problem:
            return self.error(403, problem, "signature check failed")
        path, _, raw = self.path.partition("?")
        query = dict(urllib.parse.parse_qsl(raw, keep_blank_values=True))
        if self.command == "PUT" and "uploadId" in query and query.get("partNumber") == "2":
            count = failures.get(path, 0)
            failures[path] = count + 1
            if "broken-part" in path or ("flaky-part" in path and count == 0):
                return self.error(500, "InternalError", "injected failure")
        if self.command == "PUT" and "uploadId" in query:
            uploads[query["uploadId"]][int(query["partNumber"])] = body
            return self.reply(200, headers={"ETag": '"' + hashlib.md5(body).hexdigest() + '"'})
        if self.command == "PUT":
            objects[path] = (body, {"x-amz-meta-sha256": self.headers.get("x-amz-meta-sha256", "")})
            return self.reply(200, headers={"ETag": '"' + hashlib.md5(body).hexdigest() + '"'})
        if self.command == "POST" and "uploads" in query:
            counter[0] += 1
            upload_id = f"up+{counter[0]}/x="  # characters that must be encoded in the query
            uploads[upload_id] = {}
            uploads[upload_id + "#meta"] = self.headers.get("x-amz-meta-sha256", "")
            return self.reply(200, f"<InitiateMultipartUploadResult><UploadId>{upload_id}</UploadId>"
                                   "</InitiateMultipartUploadResult>".encode())
        if self.command == "POST" and "uploadId" in query:
            parts = uploads.pop(query["uploadId"])
            numbers = [int(n) for n in re.findall(rb"<PartNumber>(\d+)</PartNumber>", body)]
            data = b"".join(parts[n] for n in numbers)
            etag = hashlib.md5(b"".join(hashlib.md5(parts[n]).digest() for n in numbers)).hexdigest()
            etag += f"-{len(numbers)}"
            objects[path] = (data, {"ETag": '"' + etag + '"',
                                    "x-amz-meta-sha256": uploads.pop(query["uploadId"] + "#meta")})
            return self.reply(200, f"<CompleteMultipartUploadResult><ETag>\"{etag}\"</ETag>"
                                   "</CompleteMultipartUploadResult>".encode())
        if self.command == "DELETE":
            if "uploadId" in query:
                uploads.pop(query["uploadId"], None)
                aborted[0] += 1
            else:
                objects.pop(path, None)
            return self.reply(204)
        if self.command in ("GET", "HEAD"):
            if path not in objects:
                return self.error(404, "NoSuchKey", "no such key")
            data, meta = objects[path]
            headers = {"ETag": meta.get("ETag", '"' + hashlib.md5(data).hexdigest() + '"'),
                       "x-amz-meta-sha256": meta.get("x-amz-meta-sha256", ""), "X-Length": str(len(data))}
            return self.reply(200, data, headers)
        return self.error(405, "MethodNotAllowed", self.command)

    do_GET = do_PUT = do_POST = do_DELETE = do_HEAD = handle_any


server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
print(server.server_address[1], flush=True)
server.serve_forever()
