<?php

declare(strict_types=1);

namespace Platform\Validation\Schema;

use stdClass;

/**
 * Applies the non-recursive keywords of one schema to a value.
 */
final class Rules
{
    /** @param array<string, mixed> $keywords */
    public function __construct(private readonly array $keywords, private readonly string $path)
    {
    }

    /** @return list<Violation> type, enum and const */
    public function generic(mixed $value): array
    {
        $violations = [];
        $types = $this->types();
        if ($types !== null && !$this->hasType($value, $types)) {
            $message = sprintf('must be %s, got %s', implode(' or ', $types), Json::type($value));
            $violations[] = new Violation($this->path, $message);
        }
        if (array_key_exists('enum', $this->keywords)) {
            $enum = $this->keywords['enum'];
            if (!is_array($enum) || $enum === []) {
                throw $this->invalid('enum', 'a non-empty array');
            }
            $allowed = array_map([Json::class, 'canonical'], $enum);
            if (!in_array(Json::canonical($value), $allowed, true)) {
                $violations[] = new Violation($this->path, 'must be one of ' . implode(', ', $allowed));
            }
        }
        if (array_key_exists('const', $this->keywords)) {
            $const = Json::canonical($this->keywords['const']);
            if (Json::canonical($value) !== $const) {
                $violations[] = new Violation($this->path, 'must equal ' . $const);
            }
        }

        return $violations;
    }

    /** @return list<Violation> */
    public function string(string $value): array
    {
        $violations = [];
        $length = mb_strlen($value);
        $min = $this->count('minLength');
        $max = $this->count('maxLength');
        if ($min !== null && $length < $min) {
            $violations[] = new Violation($this->path, sprintf('must be at least %d characters long', $min));
        }
        if ($max !== null && $length > $max) {
            $violations[] = new Violation($this->path, sprintf('must be at most %d characters long', $max));
        }
        $pattern = $this->keywords['pattern'] ?? null;
        if ($pattern !== null) {
            if (!is_string($pattern)) {
                throw $this->invalid('pattern', 'a string');
            }
            $matched = @preg_match('/' . str_replace('/', '\/', $pattern) . '/u', $value);
            if ($matched === false) {
                throw $this->invalid('pattern', 'a valid regular expression');
            }
            if ($matched === 0) {
                $violations[] = new Violation($this->path, sprintf('must match pattern %s', $pattern));
            }
        }

        return $violations;
    }

    /** @return list<Violation> */
    public function number(int|float $value): array
    {
        $checks = [
            'minimum' => [static fn (float $v, float $b): bool => $v >= $b, 'must be >= %s'],
            'maximum' => [static fn (float $v, float $b): bool => $v <= $b, 'must be <= %s'],
            'exclusiveMinimum' => [static fn (float $v, float $b): bool => $v > $b, 'must be > %s'],
            'exclusiveMaximum' => [static fn (float $v, float $b): bool => $v < $b, 'must be < %s'],
        ];
        $violations = [];
        foreach ($checks as $keyword => [$holds, $message]) {
            if (!array_key_exists($keyword, $this->keywords)) {
                continue;
            }
            $bound = $this->keywords[$keyword];
            if (!is_int($bound) && !is_float($bound)) {
                throw $this->invalid($keyword, 'a number');
            }
            if (!$holds((float) $value, (float) $bound)) {
                $violations[] = new Violation($this->path, sprintf($message, $bound));
            }
        }

        return $violations;
    }

    /**
     * @param list<mixed> $value
     * @return list<Violation>
     */
    public function array(array $value): array
    {
        $violations = [];
        $min = $this->count('minItems');
        $max = $this->count('maxItems');
        if ($min !== null && count($value) < $min) {
            $violations[] = new Violation($this->path, sprintf('must have at least %d items', $min));
        }
        if ($max !== null && count($value) > $max) {
            $violations[] = new Violation($this->path, sprintf('must have at most %d items', $max));
        }
        if (($this->keywords['uniqueItems'] ?? false) === true) {
            $encoded = array_map([Json::class, 'canonical'], $value);
            if (count(array_unique($encoded)) !== count($encoded)) {
                $violations[] = new Violation($this->path, 'must not contain duplicate items');
            }
        }

        return $violations;
    }

    /** @return list<Violation> */
    public function required(stdClass $value): array
    {
        $required = $this->keywords['required'] ?? [];
        if (!is_array($required)) {
            throw $this->invalid('required', 'an array of property names');
        }
        $violations = [];
        foreach ($required as $name) {
            if (!is_string($name)) {
                throw $this->invalid('required', 'an array of property names');
            }
            if (!property_exists($value, $name)) {
                $violations[] = new Violation($this->path . '.' . $name, 'is required');
            }
        }

        return $violations;
    }

    /** @return list<string>|null */
    private function types(): ?array
    {
        if (!array_key_exists('type', $this->keywords)) {
            return null;
        }
        $type = $this->keywords['type'];
        $types = is_array($type) ? $type : [$type];
        $names = [];
        foreach ($types as $name) {
            if (!is_string($name) || !in_array($name, Validator::TYPES, true)) {
                throw $this->invalid('type', 'one of ' . implode(', ', Validator::TYPES) . ' or an array of them');
            }
            $names[] = $name;
        }

        return $names;
    }

    /** @param list<string> $types */
    private function hasType(mixed $value, array $types): bool
    {
        $actual = Json::type($value);
        if ($actual === 'integer' && in_array('number', $types, true)) {
            return true;
        }
        if ($actual === 'number' && is_float($value) && floor($value) === $value && in_array('integer', $types, true)) {
            return true;
        }

        return in_array($actual, $types, true);
    }

    private function count(string $keyword): ?int
    {
        if (!array_key_exists($keyword, $this->keywords)) {
            return null;
        }
        $count = $this->keywords[$keyword];
        if (!is_int($count) || $count < 0) {
            throw $this->invalid($keyword, 'a non-negative integer');
        }

        return $count;
    }

    private function invalid(string $keyword, string $expected): SchemaError
    {
        return new SchemaError(sprintf('schema at %s: "%s" must be %s', $this->path, $keyword, $expected));
    }
}
