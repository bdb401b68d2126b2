<?php

declare(strict_types=1);

namespace Platform\Shared\Config;

/**
 * Reads typed settings from environment variables, with defaults.
 */
final class Env
{
    /** @param array<string, string> $vars */
    public function __construct(private readonly array $vars)
    {
    }

    /** Builds an Env from the process environment. */
    public static function fromProcess(): self
    {
        $vars = [];
        foreach (getenv() as $name => $value) {
            $vars[(string) $name] = $value;
        }

        return new self($vars);
    }

    /** Returns a copy with the given variables set (tests, overrides). */
    public function with(string $name, string $value): self
    {
        $vars = $this->vars;
        $vars[$name] = $value;

        return new self($vars);
    }

    public function has(string $name): bool
    {
        return ($this->vars[$name] ?? '') !== '';
    }

    public function string(string $name, string $default): string
    {
        $value = $this->vars[$name] ?? '';

        return $value === '' ? $default : $value;
    }

    public function optional(string $name): ?string
    {
        $value = $this->vars[$name] ?? '';

        return $value === '' ? null : $value;
    }

    public function required(string $name, string $why): string
    {
        $value = $this->vars[$name] ?? '';
        if ($value === '') {
            throw new ConfigError(sprintf('environment variable %s is not set: %s', $name, $why));
        }

        return $value;
    }

    public function int(string $name, int $default, int $min = PHP_INT_MIN, int $max = PHP_INT_MAX): int
    {
        $raw = $this->vars[$name] ?? '';
        if ($raw === '') {
            return $default;
        }
        $value = filter_var($raw, FILTER_VALIDATE_INT);
        if ($value === false || $value < $min || $value > $max) {
            throw new ConfigError(sprintf(
                'environment variable %s must be an integer between %d and %d, got "%s"',
                $name,
                $min,
                $max,
                $raw,
            ));
        }

        return $value;
    }
}
