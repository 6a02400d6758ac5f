import CCurlShim
import Glibc

/// libcurl's socket and timer callbacks, and the epoll side of the loop.
extension CurlEventLoop {
    func configureMulti() {
        let context = Unmanaged.passUnretained(self).toOpaque()
        sartor_curl_multi_setopt_socket_function(multi, socketChanged)
        sartor_curl_multi_setopt_pointer(multi, CURLMOPT_SOCKETDATA, context)
        sartor_curl_multi_setopt_timer_function(multi, timerChanged)
        sartor_curl_multi_setopt_pointer(multi, CURLMOPT_TIMERDATA, context)
        sartor_curl_multi_setopt_long(multi, CURLMOPT_PIPELINING, Int(CURLPIPE_MULTIPLEX))
        let connections = max(configuration.maxConnections, 1)
        sartor_curl_multi_setopt_long(multi, CURLMOPT_MAX_TOTAL_CONNECTIONS, connections)
        sartor_curl_multi_setopt_long(multi, CURLMOPT_MAXCONNECTS, connections)
        sartor_curl_multi_setopt_long(
            multi, CURLMOPT_MAX_HOST_CONNECTIONS, max(configuration.maxConnectionsPerHost, 0))
    }

    /// Follows libcurl's wish to watch `fd` for reading, writing, both, or no longer.
    ///
    /// A socket libcurl stops watching stays in epoll, because a kept-alive connection is
    /// usually watched again by the next request: that saves two `epoll_ctl` calls a request.
    /// It is removed when it reports an event nobody wants, and forgotten when libcurl closes it
    /// (the kernel drops closed descriptors from epoll by itself).
    func watch(_ fd: Int32, what: Int32) {
        let index = Int(fd)
        if index >= sockets.count {
            sockets.append(
                contentsOf: repeatElement(SocketWatch(), count: index + 1 - sockets.count))
        }
        if what == CURL_POLL_REMOVE {
            sockets[index].wanted = false
            return
        }

        let events =
            (what & CURL_POLL_IN != 0 ? EPOLLIN.rawValue : 0)
            | (what & CURL_POLL_OUT != 0 ? EPOLLOUT.rawValue : 0)
        sockets[index].wanted = true
        guard sockets[index].registeredEvents != events else { return }
        var event = epoll_event()
        event.events = events
        event.data.fd = fd
        let registered = sockets[index].registeredEvents != 0
        if epoll_ctl(epollFD, registered ? EPOLL_CTL_MOD : EPOLL_CTL_ADD, fd, &event) != 0 {
            // The descriptor was closed and reused, or closed behind our back: retry the other way.
            epoll_ctl(epollFD, errno == EEXIST ? EPOLL_CTL_MOD : EPOLL_CTL_ADD, fd, &event)
        }
        sockets[index].registeredEvents = events
    }

    /// libcurl is closing `fd`: closing removes it from epoll, so only the table changes.
    func forget(_ fd: Int32) {
        if Int(fd) < sockets.count {
            sockets[Int(fd)] = SocketWatch()
        }
    }

    func makeTransfer() -> Transfer? {
        handlesCreated.add(1, ordering: .relaxed)
        return Transfer(
            configuration: configuration, loop: Unmanaged.passUnretained(self).toOpaque(),
            closeSocket: socketClosing)
    }

    /// Passes one readiness event to libcurl, or drains the wake-up counter.
    func service(_ event: epoll_event) {
        let fd = event.data.fd
        if fd == wakeFD {
            var count: UInt64 = 0
            _ = read(wakeFD, &count, MemoryLayout<UInt64>.size)
            return
        }
        if Int(fd) < sockets.count, !sockets[Int(fd)].wanted {
            // An idle kept-alive connection closed or spoke; libcurl notices when it reuses it.
            epoll_ctl(epollFD, EPOLL_CTL_DEL, fd, nil)
            sockets[Int(fd)].registeredEvents = 0
            return
        }
        var flags: Int32 = 0
        if event.events & (EPOLLIN.rawValue | EPOLLHUP.rawValue) != 0 {
            flags |= CURL_CSELECT_IN
        }
        if event.events & EPOLLOUT.rawValue != 0 {
            flags |= CURL_CSELECT_OUT
        }
        if event.events & EPOLLERR.rawValue != 0 {
            flags |= CURL_CSELECT_ERR
        }
        var running: Int32 = 0
        curl_multi_socket_action(multi, fd, flags, &running)
    }

    /// Lets libcurl handle its expired timeouts (starting new transfers is one of them).
    func fireTimerIfDue() {
        guard let deadline = timerDeadlineMillis, deadline <= Self.nowMillis() else { return }
        timerDeadlineMillis = nil
        var running: Int32 = 0
        curl_multi_socket_action(multi, sartor_curl_socket_timeout(), 0, &running)
    }

    /// How long `epoll_wait` may sleep: until libcurl's next timeout or the oldest queued
    /// request's, or until woken.
    func pollTimeoutMillis() -> Int32 {
        let deadline: Int64
        switch (timerDeadlineMillis, queueDeadlineMillis()) {
        case (nil, nil): return -1
        case (let timer?, let queue?): deadline = min(timer, queue)
        case (let only?, nil), (nil, let only?): deadline = only
        }
        return Int32(clamping: max(deadline - Self.nowMillis(), 0))
    }

    static func nowMillis() -> Int64 {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        return Int64(now.tv_sec) * 1000 + Int64(now.tv_nsec) / 1_000_000
    }
}

private let socketChanged: curl_socket_callback = { _, fd, what, context, _ in
    let loop = Unmanaged<CurlEventLoop>.fromOpaque(context!).takeUnretainedValue()
    loop.watch(fd, what: what)
    return 0
}

private let socketClosing: curl_closesocket_callback = { context, fd in
    let loop = Unmanaged<CurlEventLoop>.fromOpaque(context!).takeUnretainedValue()
    loop.forget(fd)
    return close(fd)
}

private let timerChanged: curl_multi_timer_callback = { _, timeoutMillis, context in
    let loop = Unmanaged<CurlEventLoop>.fromOpaque(context!).takeUnretainedValue()
    loop.timerDeadlineMillis =
        timeoutMillis < 0 ? nil : CurlEventLoop.nowMillis() + Int64(timeoutMillis)
    return 0
}

/// What epoll knows of one socket and whether libcurl still wants its events.
struct SocketWatch {
    /// The events registered in epoll; 0 when the socket is not registered.
    var registeredEvents: UInt32 = 0
    var wanted = false
}
