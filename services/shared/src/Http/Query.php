<?php

declare(strict_types=1);

namespace Platform\Shared\Http;

/**
 * Reads typed query-string parameters; a wrong value is a 422 naming the parameter.
 */
final class Query
{
    /** @param array<string, string> $params */
    public function __construct(private readonly array $params)
    {
    }

    public static function of(Request $request): self
    {
        return new self($request->query);
    }

    public function int(string $name, int $default, int $min, int $max): int
    {
        $raw = $this->params[$name] ?? '';
        if ($raw === '') {
            return $default;
        }
        $value = filter_var($raw, FILTER_VALIDATE_INT);
        if ($value === false || $value < $min || $value > $max) {
            $message = sprintf('must be an integer between %d and %d, got "%s"', $min, $max, $raw);
            throw HttpError::invalidField($name, $message);
        }

        return $value;
    }

    public function string(string $name, int $maxLength = 256): ?string
    {
        $raw = $this->params[$name] ?? '';
        if ($raw === '') {
            return null;
        }
        if (mb_strlen($raw) > $maxLength) {
            throw HttpError::invalidField($name, sprintf('must be at most %d characters', $maxLength));
        }

        return $raw;
    }
}
