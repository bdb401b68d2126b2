<?php

declare(strict_types=1);

namespace Platform\Shared\Http;

/**
 * Reads typed fields from a decoded JSON object; a missing field or a wrong type is a 422 naming the field.
 */
final class Input
{
    /** @param array<string, mixed> $data */
    public function __construct(private readonly array $data, private readonly string $prefix = '')
    {
    }

    /** Decodes the request body as a JSON object. */
    public static function fromRequest(Request $request): self
    {
        return new self($request->json());
    }

    public function has(string $field): bool
    {
        return array_key_exists($field, $this->data) && $this->data[$field] !== null;
    }

    public function string(string $field, int $maxLength = 1024): string
    {
        $value = $this->require($field);
        if (!is_string($value)) {
            throw $this->wrongType($field, 'a string', $value);
        }
        if (trim($value) === '') {
            throw HttpError::invalidField($this->name($field), 'must not be empty');
        }
        if (mb_strlen($value) > $maxLength) {
            throw HttpError::invalidField($this->name($field), sprintf('must be at most %d characters', $maxLength));
        }

        return $value;
    }

    public function optionalString(string $field, ?string $default = null, int $maxLength = 1024): ?string
    {
        return $this->has($field) ? $this->string($field, $maxLength) : $default;
    }

    /** @param list<string> $allowed */
    public function oneOf(string $field, array $allowed): string
    {
        $value = $this->string($field);
        if (!in_array($value, $allowed, true)) {
            $message = sprintf('must be one of %s, got "%s"', implode(', ', $allowed), $value);
            throw HttpError::invalidField($this->name($field), $message);
        }

        return $value;
    }

    public function int(string $field, int $min = PHP_INT_MIN, int $max = PHP_INT_MAX): int
    {
        $value = $this->require($field);
        if (!is_int($value)) {
            throw $this->wrongType($field, 'an integer', $value);
        }
        if ($value < $min || $value > $max) {
            $message = sprintf('must be between %d and %d, got %d', $min, $max, $value);
            throw HttpError::invalidField($this->name($field), $message);
        }

        return $value;
    }

    public function optionalInt(string $field, int $default, int $min = PHP_INT_MIN, int $max = PHP_INT_MAX): int
    {
        return $this->has($field) ? $this->int($field, $min, $max) : $default;
    }

    public function optionalFloat(string $field, float $default, float $min, float $max): float
    {
        if (!$this->has($field)) {
            return $default;
        }
        $value = $this->data[$field];
        if (!is_int($value) && !is_float($value)) {
            throw $this->wrongType($field, 'a number', $value);
        }
        if ($value < $min || $value > $max) {
            throw HttpError::invalidField($this->name($field), sprintf('must be between %s and %s', $min, $max));
        }

        return (float) $value;
    }

    /** @return array<string, mixed> */
    public function object(string $field): array
    {
        $value = $this->require($field);
        if (!is_array($value) || ($value !== [] && array_is_list($value))) {
            throw $this->wrongType($field, 'an object', $value);
        }
        /** @var array<string, mixed> $value */
        return $value;
    }

    /** @return array<string, mixed> */
    public function optionalObject(string $field): array
    {
        return $this->has($field) ? $this->object($field) : [];
    }

    /** @return list<mixed> */
    public function list(string $field, int $maxItems = 1000): array
    {
        $value = $this->require($field);
        if (!is_array($value) || !array_is_list($value)) {
            throw $this->wrongType($field, 'an array', $value);
        }
        if (count($value) > $maxItems) {
            throw HttpError::invalidField($this->name($field), sprintf('must have at most %d items', $maxItems));
        }

        return $value;
    }

    /** Returns a reader for a nested object, naming fields as parent.child in errors. */
    public function nested(string $field): self
    {
        return new self($this->object($field), $this->name($field) . '.');
    }

    private function require(string $field): mixed
    {
        if (!$this->has($field)) {
            throw HttpError::invalidField($this->name($field), 'is required');
        }

        return $this->data[$field];
    }

    private function wrongType(string $field, string $expected, mixed $value): HttpError
    {
        $message = sprintf('must be %s, got %s', $expected, self::typeOf($value));

        return HttpError::invalidField($this->name($field), $message);
    }

    private function name(string $field): string
    {
        return $this->prefix . $field;
    }

    /** Names a decoded JSON value's type the way JSON does. */
    public static function typeOf(mixed $value): string
    {
        return match (true) {
            $value === null => 'null',
            is_bool($value) => 'boolean',
            is_int($value), is_float($value) => 'number',
            is_string($value) => 'string',
            is_array($value) && array_is_list($value) => 'array',
            default => 'object',
        };
    }
}
