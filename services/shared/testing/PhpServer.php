<?php

declare(strict_types=1);

namespace Platform\Shared\Testing;

use RuntimeException;

/**
 * Runs `php -S 127.0.0.1:<free port> <router>` for tests that need a real HTTP peer.
 */
final class PhpServer
{
    /** @param resource $process */
    private function __construct(private $process, public readonly int $port)
    {
    }

    /** @param array<string, string> $env extra environment of the server process */
    public static function start(string $router, array $env = []): self
    {
        $port = self::freePort();
        $command = [PHP_BINARY, '-S', '127.0.0.1:' . $port, $router];
        $process = proc_open(
            $command,
            [1 => ['file', '/dev/null', 'w'], 2 => ['file', '/dev/null', 'w']],
            $pipes,
            null,
            $env + getenv(),
        );
        if (!is_resource($process)) {
            throw new RuntimeException('cannot start php -S');
        }
        $server = new self($process, $port);
        for ($i = 0; $i < 100; $i++) {
            $socket = @fsockopen('127.0.0.1', $port, $errno, $errstr, 0.1);
            if (is_resource($socket)) {
                fclose($socket);

                return $server;
            }
            usleep(50_000);
        }
        $server->stop();
        throw new RuntimeException(sprintf('php -S did not listen on 127.0.0.1:%d within 5s', $port));
    }

    /**
     * Starts a server that answers every request with its method, path, body and X-Trace header
     * as JSON, and with 503 when the path contains "fail": a real HTTP peer for client tests.
     */
    public static function echo(): self
    {
        return self::start(__DIR__ . '/fixtures/echo.php');
    }

    public function url(string $path): string
    {
        return sprintf('http://127.0.0.1:%d%s', $this->port, $path);
    }

    public function stop(): void
    {
        proc_terminate($this->process);
        proc_close($this->process);
    }

    private static function freePort(): int
    {
        $socket = stream_socket_server('tcp://127.0.0.1:0');
        if ($socket === false) {
            throw new RuntimeException('cannot find a free port on 127.0.0.1');
        }
        $name = (string) stream_socket_get_name($socket, false);
        fclose($socket);

        return (int) substr($name, (int) strrpos($name, ':') + 1);
    }
}
