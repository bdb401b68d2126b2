<?php

declare(strict_types=1);

namespace Platform\Shared\Log;

/**
 * Writes structured logs, one JSON object per line, to a stream (stderr in production).
 */
final class Logger
{
    public const LEVELS = ['debug', 'info', 'warning', 'error'];

    private readonly int $threshold;

    /** @param resource $stream */
    public function __construct(private readonly string $service, string $level, private $stream)
    {
        $index = array_search($level, self::LEVELS, true);
        $this->threshold = $index === false ? 1 : $index;
    }

    /** Builds a logger writing to stderr. */
    public static function stderr(string $service, string $level): self
    {
        $stream = fopen('php://stderr', 'wb');

        return new self($service, $level, $stream === false ? STDERR : $stream);
    }

    /** @param array<string, scalar|null|array<array-key, scalar|null>> $context */
    public function debug(string $message, array $context = []): void
    {
        $this->log(0, $message, $context);
    }

    /** @param array<string, scalar|null|array<array-key, scalar|null>> $context */
    public function info(string $message, array $context = []): void
    {
        $this->log(1, $message, $context);
    }

    /** @param array<string, scalar|null|array<array-key, scalar|null>> $context */
    public function warning(string $message, array $context = []): void
    {
        $this->log(2, $message, $context);
    }

    /** @param array<string, scalar|null|array<array-key, scalar|null>> $context */
    public function error(string $message, array $context = []): void
    {
        $this->log(3, $message, $context);
    }

    /** @param array<string, scalar|null|array<array-key, scalar|null>> $context */
    private function log(int $level, string $message, array $context): void
    {
        if ($level < $this->threshold) {
            return;
        }
        $record = [
            'ts' => gmdate('Y-m-d\TH:i:s\Z'),
            'level' => self::LEVELS[$level],
            'service' => $this->service,
            'msg' => $message,
        ] + $context;
        fwrite($this->stream, json_encode($record, JSON_UNESCAPED_SLASHES | JSON_PARTIAL_OUTPUT_ON_ERROR) . "\n");
    }
}
