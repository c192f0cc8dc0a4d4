// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QString>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <thread>

namespace testsupport {

/// A loopback HTTP server on a free port that answers every request with one canned reply
/// (or, given an empty reply, closes the connection without a word), counting requests: for
/// the failures real services show rarely and on no schedule. Runs its own thread.
class StubHttpServer final {
public:
    explicit StubHttpServer(QByteArray reply)
        : m_reply(std::move(reply))
    {
        m_socket = ::socket(AF_INET, SOCK_STREAM, 0);
        sockaddr_in address {};
        address.sin_family = AF_INET;
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        socklen_t length = sizeof address;
        if (m_socket < 0 || ::bind(m_socket, reinterpret_cast<sockaddr *>(&address), sizeof address) != 0
            || ::listen(m_socket, 8) != 0 || ::getsockname(m_socket, reinterpret_cast<sockaddr *>(&address), &length) != 0)
            qFatal("StubHttpServer: cannot listen on loopback");
        m_port = ntohs(address.sin_port);
        m_thread = std::thread([this] { serve(); });
    }
    ~StubHttpServer()
    {
        m_stop = true;
        m_thread.join();
        ::close(m_socket);
    }
    StubHttpServer(const StubHttpServer &) = delete;
    StubHttpServer &operator=(const StubHttpServer &) = delete;

    /// "HTTP/1.1 <status>" with an optional body, closing the connection after it.
    static QByteArray reply(const QByteArray &status, const QByteArray &body = {},
                            const QByteArray &contentType = "application/xml")
    {
        return "HTTP/1.1 " + status + "\r\nContent-Type: " + contentType + "\r\nContent-Length: "
            + QByteArray::number(body.size()) + "\r\nConnection: close\r\n\r\n" + body;
    }

    QString endpoint() const { return QStringLiteral("http://127.0.0.1:%1").arg(m_port); }
    int requests() const { return m_requests; }

private:
    void serve()
    {
        while (!m_stop) {
            pollfd waiting { m_socket, POLLIN, 0 };
            if (::poll(&waiting, 1, 50) <= 0)
                continue;
            const int client = ::accept(m_socket, nullptr, nullptr);
            if (client < 0)
                continue;
            readRequest(client);
            ++m_requests;
            if (!m_reply.isEmpty())
                (void)!::write(client, m_reply.constData(), size_t(m_reply.size()));
            ::close(client);
        }
    }

    // Headers, then as many body bytes as Content-Length says (or until the client stops).
    static void readRequest(int client)
    {
        QByteArray request;
        char buffer[4096];
        qsizetype expected = -1;
        while (expected < 0 || request.size() < expected) {
            pollfd readable { client, POLLIN, 0 };
            if (::poll(&readable, 1, 2000) <= 0)
                return;
            const ssize_t got = ::read(client, buffer, sizeof buffer);
            if (got <= 0)
                return;
            request.append(buffer, got);
            const qsizetype end = request.indexOf("\r\n\r\n");
            if (expected < 0 && end >= 0) {
                const QByteArray headers = request.left(end).toLower();
                const qsizetype at = headers.indexOf("content-length:");
                const qsizetype body = at < 0 ? 0 : headers.mid(at + 15, headers.indexOf('\r', at) - at - 15).trimmed().toLongLong();
                expected = end + 4 + body;
            }
        }
    }

    QByteArray m_reply;
    int m_socket = -1;
    quint16 m_port = 0;
    std::atomic_bool m_stop { false };
    std::atomic_int m_requests { 0 };
    std::thread m_thread;
};

} // namespace testsupport
