#ifndef ACTORNET_CCHILDPROCESS_H
#define ACTORNET_CCHILDPROCESS_H

#include <stddef.h>
#include <sys/types.h>

/// Starts `path` (absolute) with `argv` and `envp` (NULL-terminated, built by the caller before
/// the call) and its standard input, output and error on three new pipes. On success returns
/// the child's pid and stores the parent's ends in fds[0] (write: the child's stdin), fds[1]
/// (read: its stdout), fds[2] (read: its stderr), all close-on-exec and non-blocking. On
/// failure returns -errno (a failed execve included: its errno comes back through a pipe) and
/// leaves nothing open and no child running.
///
/// On Linux the child asks the kernel for SIGKILL when its parent dies (PR_SET_PDEATHSIG, kept
/// across execve), so Graphviz never outlives an actornet that was killed, even by SIGKILL.
/// The signal is tied to the *thread* that forked: the caller must wait for the child on the
/// thread that started it (ActorNet's Graphviz runner does).
pid_t actornet_spawn(const char *path, char *const argv[], char *const envp[], int fds[3]);

/// Installs handlers for SIGINT and SIGTERM (once; for the command line, never the server):
/// the first signal is recorded, kills the registered child (SIGKILL) if there is one, and —
/// unless a child is registered or stops are deferred — ends the process at once the default
/// way (`actornet_die_of_stop_signal`).
void actornet_stop_on_signals(void);

/// The first SIGINT or SIGTERM received since `actornet_stop_on_signals`, else 0.
int actornet_stop_signal(void);

/// Registers the child the handlers kill (0: none).
void actornet_watch_child(pid_t pid);

/// While `on` is non-zero, a stop signal is only recorded (the process finishes what it is
/// doing, such as renaming a finished output into place, then calls
/// `actornet_die_of_stop_signal`).
void actornet_defer_stop(int on);

/// If a stop signal was recorded: restores its default action, unblocks it and raises it, so
/// the process ends killed by that signal (shells report 128 + N). Returns otherwise.
void actornet_die_of_stop_signal(void);

/// Waits for `pid` (with `nohang`, returns 0 at once if it still runs). Returns 1 when it has
/// ended, with `*code` its exit status or minus the signal that killed it; -errno on failure.
int actornet_reap(pid_t pid, int nohang, int *code);

/// write(2) that never raises SIGPIPE: a reader that has gone (Graphviz stopping at a syntax
/// error) yields -1 with errno EPIPE instead of killing actornet.
ssize_t actornet_write_nosigpipe(int fd, const void *bytes, size_t count);

#endif
