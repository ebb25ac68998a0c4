// Process spawning for Graphviz. Written in C because the child, between fork and execve, may
// make only async-signal-safe calls (Swift code there could allocate or take a lock held by
// another thread at the fork), and because prctl is variadic, which Swift cannot call.
//
// Why fork + prctl + execve rather than Foundation's Process or posix_spawn: neither can set
// PR_SET_PDEATHSIG in the child, and that is the only way on Linux to make the kernel kill
// Graphviz when actornet is killed with SIGKILL (no handler runs then). Everything the child
// needs (path, argv, envp, pipe descriptors) is prepared before the fork.
#define _GNU_SOURCE
#include "CChildProcess.h"

#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <time.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>
#if defined(__linux__)
#include <sys/prctl.h>
#endif

static int cloexec_pipe(int p[2]) {
#if defined(__linux__)
    return pipe2(p, O_CLOEXEC);
#else
    if (pipe(p) != 0) return -1;
    fcntl(p[0], F_SETFD, FD_CLOEXEC);
    fcntl(p[1], F_SETFD, FD_CLOEXEC);
    return 0;
#endif
}

static void close_all(int *list, int count) {
    for (int i = 0; i < count; i++) if (list[i] >= 0) close(list[i]);
}

// Closes every descriptor from `first` on but `keep`, with async-signal-safe calls only:
// close_range where the kernel has it (Linux 5.9), else close over the descriptor limit.
static void close_from(int first, int keep) {
#if defined(__linux__) && defined(SYS_close_range)
    int ok = 1;
    if (keep > first && syscall(SYS_close_range, (unsigned)first, (unsigned)(keep - 1), 0u) != 0) ok = 0;
    if (ok && syscall(SYS_close_range, (unsigned)(keep + 1), ~0u, 0u) == 0) return;
#endif
    long limit = sysconf(_SC_OPEN_MAX);
    if (limit < 0 || limit > 65536) limit = 65536;
    for (int fd = first; fd < limit; fd++) if (fd != keep) close(fd);
}

static volatile sig_atomic_t stopSignal = 0;
static volatile sig_atomic_t watchedChild = 0;
static volatile sig_atomic_t deferring = 0;

pid_t actornet_spawn(const char *path, char *const argv[], char *const envp[], int fds[3]) {
    // p[0]: stdin, p[1]: stdout, p[2]: stderr, p[3]: exec-failure report.
    int p[4][2];
    for (int i = 0; i < 4; i++) p[i][0] = p[i][1] = -1;
    for (int i = 0; i < 4; i++) {
        if (cloexec_pipe(p[i]) != 0) {
            int e = errno;
            close_all(&p[0][0], 8);
            return -e;
        }
    }
    pid_t parent = getpid();
    // SIGINT and SIGTERM wait until the parent knows its child (watchedChild), so a stop that
    // comes as Graphviz starts kills it and is reported, rather than ending actornet silently
    // (the child would still die of PR_SET_PDEATHSIG). The child clears the mask before execve.
    sigset_t stops, previous;
    sigemptyset(&stops);
    sigaddset(&stops, SIGINT);
    sigaddset(&stops, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &stops, &previous);
    pid_t pid = fork();
    if (pid > 0) watchedChild = pid;
    if (pid != 0) pthread_sigmask(SIG_SETMASK, &previous, NULL);
    if (pid < 0) {
        int e = errno;
        close_all(&p[0][0], 8);
        return -e;
    }
    if (pid == 0) {
        // The child: async-signal-safe calls only.
#if defined(__linux__)
        if (prctl(PR_SET_PDEATHSIG, SIGKILL) != 0) goto fail;
        // The parent may have died before prctl took effect: then nobody will send the signal.
        if (getppid() != parent) _exit(127);
#else
        (void)parent;
#endif
        // Graphviz starts with default signal handling and nothing blocked (the mask and
        // ignored signals are inherited across execve; handled ones are reset by it).
        sigset_t none;
        sigemptyset(&none);
        sigprocmask(SIG_SETMASK, &none, NULL);
        struct sigaction dfl;
        memset(&dfl, 0, sizeof dfl);
        dfl.sa_handler = SIG_DFL;
        sigaction(SIGPIPE, &dfl, NULL);
        sigaction(SIGINT, &dfl, NULL);
        sigaction(SIGTERM, &dfl, NULL);
        // dup2 clears close-on-exec on the copies; the originals close at execve.
        if (dup2(p[0][0], 0) < 0 || dup2(p[1][1], 1) < 0 || dup2(p[2][1], 2) < 0) goto fail;
        // Graphviz gets nothing of the server but its three pipes: a descriptor someone opened
        // without close-on-exec (a client's socket, a workspace file) would otherwise live as
        // long as the child. The report pipe stays until execve closes it.
        close_from(3, p[3][1]);
        execve(path, argv, envp);
    fail:;
        int e = errno;
        ssize_t ignored = write(p[3][1], &e, sizeof e);
        (void)ignored;
        _exit(127);
    }
    // The parent: close the child's ends, then learn whether execve succeeded (the report pipe
    // closes at a successful execve with nothing written).
    close(p[0][0]);
    close(p[1][1]);
    close(p[2][1]);
    close(p[3][1]);
    int childErrno = 0;
    ssize_t n;
    do { n = read(p[3][0], &childErrno, sizeof childErrno); } while (n < 0 && errno == EINTR);
    close(p[3][0]);
    if (n == (ssize_t)sizeof childErrno) {
        watchedChild = 0;
        close(p[0][1]);
        close(p[1][0]);
        close(p[2][0]);
        int status;
        while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {}
        return -(childErrno ? childErrno : ECHILD);
    }
    fds[0] = p[0][1];
    fds[1] = p[1][0];
    fds[2] = p[2][0];
    for (int i = 0; i < 3; i++) fcntl(fds[i], F_SETFL, fcntl(fds[i], F_GETFL) | O_NONBLOCK);
    return pid;
}


void actornet_die_of_stop_signal(void) {
    int sig = stopSignal;
    if (sig == 0) return;
    struct sigaction dfl;
    memset(&dfl, 0, sizeof dfl);
    dfl.sa_handler = SIG_DFL;
    sigaction(sig, &dfl, NULL);
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, sig);
    sigprocmask(SIG_UNBLOCK, &set, NULL);
    raise(sig);
    // raise delivers to this thread at once; should it not, be sure to end.
    _exit(128 + sig);
}

static void on_stop(int sig) {
    int saved = errno;
    if (stopSignal == 0) stopSignal = sig;
    pid_t child = (pid_t)watchedChild;
    if (child > 0) {
        kill(child, SIGKILL);
    } else if (!deferring) {
        actornet_die_of_stop_signal();
    }
    errno = saved;
}

void actornet_stop_on_signals(void) {
    static int installed = 0;
    if (installed) return;
    installed = 1;
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = on_stop;
    sigemptyset(&action.sa_mask);
    sigaddset(&action.sa_mask, SIGINT);
    sigaddset(&action.sa_mask, SIGTERM);
    action.sa_flags = SA_RESTART;
    sigaction(SIGINT, &action, NULL);
    sigaction(SIGTERM, &action, NULL);
}

int actornet_stop_signal(void) { return stopSignal; }

void actornet_watch_child(pid_t pid) { watchedChild = pid; }

void actornet_defer_stop(int on) { deferring = on; }

int actornet_reap(pid_t pid, int nohang, int *code) {
    int status;
    pid_t r;
    do { r = waitpid(pid, &status, nohang ? WNOHANG : 0); } while (r < 0 && errno == EINTR);
    if (r == 0) return 0;
    if (r < 0) return -errno;
    *code = WIFEXITED(status) ? WEXITSTATUS(status) : WIFSIGNALED(status) ? -WTERMSIG(status) : -1;
    return 1;
}

ssize_t actornet_write_nosigpipe(int fd, const void *bytes, size_t count) {
    sigset_t pipeOnly, old;
    sigemptyset(&pipeOnly);
    sigaddset(&pipeOnly, SIGPIPE);
    pthread_sigmask(SIG_BLOCK, &pipeOnly, &old);
    ssize_t n = write(fd, bytes, count);
    int e = errno;
    if (n < 0 && e == EPIPE) {
        // Consume the SIGPIPE this write raised, unless one was already pending before.
        sigset_t pending;
        sigpending(&pending);
        if (sigismember(&pending, SIGPIPE) && !sigismember(&old, SIGPIPE)) {
#if defined(__linux__)
            struct timespec zero = {0, 0};
            while (sigtimedwait(&pipeOnly, NULL, &zero) < 0 && errno == EINTR) {}
#else
            int sig;
            sigwait(&pipeOnly, &sig);
#endif
        }
    }
    pthread_sigmask(SIG_SETMASK, &old, NULL);
    errno = e;
    return n;
}
