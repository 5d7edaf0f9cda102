package org.rapaio.jupyter.kernel.channels;

/**
 * Drop-in replacement for the class of the same name in rapaio-jupyter-kernel 3.0.1-3.0.4 (MIT), which runs
 * the polling loops of the shell, control and heartbeat channels. Same signature; two start-up races fixed:
 *
 * <ol>
 *   <li>The original {@code start()} calls {@code super.start()} and only then sets {@code running = true}:
 *       when the new thread reaches {@code while (running)} first, it ends at once. Here the flag is set first.
 *   <li>The original lets an exception of the loop body end the thread. {@code Channels.connect()} starts the
 *       loops before it creates its handler map, so a message that arrives in between (clients send
 *       kernel_info as soon as they connect) throws a NullPointerException and kills the channel. Here that
 *       message is dropped and the loop goes on; clients re-send kernel_info until it is answered.
 * </ol>
 * Either way the kernel process stays up with a dead channel and never answers (measured: about one start
 * in three without this class).
 *
 * <p>{@code notebooks/jupyter.py install-kernel} compiles this file into {@code target/jupyter/kernel-fix/}
 * and puts that directory ahead of the kernel jar on the kernel's class path, for the kernel versions
 * listed there only ({@code --no-race-fix} turns it off).
 */
public final class LoopThread extends Thread {

    private volatile boolean running = false;
    private final long sleep;
    private final Runnable loopBody;
    private int reported = 0;

    public LoopThread(String name, long sleep, Runnable loopBody) {
        super(name);
        this.sleep = sleep;
        this.loopBody = loopBody;
    }

    @Override
    public void run() {
        while (running) {
            try {
                loopBody.run();
            } catch (RuntimeException e) {
                report(e);
            }
            try {
                Thread.sleep(sleep);
            } catch (InterruptedException e) {
                running = false;
                return;
            }
        }
    }

    @Override
    public synchronized void start() {
        running = true;
        try {
            super.start();
        } catch (RuntimeException | Error e) {
            running = false;
            throw e;
        }
    }

    public void shutdown() {
        running = false;
    }

    private void report(RuntimeException e) {
        if (reported++ < 10) {
            System.err.println("[kernel-fix] " + getName() + ": message dropped, loop continues: " + e);
        }
    }
}
