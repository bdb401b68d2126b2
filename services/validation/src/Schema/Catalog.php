<?php

declare(strict_types=1);

namespace Platform\Validation\Schema;

use Platform\Shared\Http\HttpError;

/**
 * Serves the named schemas kept as schemas/<name>.json in the service.
 */
final class Catalog
{
    public function __construct(private readonly string $directory)
    {
    }

    /** @return list<string> */
    public function names(): array
    {
        $paths = glob($this->directory . '/*.json');
        $names = array_map(static fn (string $p): string => basename($p, '.json'), $paths === false ? [] : $paths);
        sort($names);

        return $names;
    }

    /** Returns the decoded schema, or a 404 listing the known names. */
    public function get(string $name): mixed
    {
        if (!in_array($name, $this->names(), true)) {
            throw HttpError::notFound(sprintf('no schema "%s"; known: %s', $name, implode(', ', $this->names())));
        }

        return json_decode(
            (string) file_get_contents($this->directory . '/' . $name . '.json'),
            false,
            64,
            JSON_THROW_ON_ERROR,
        );
    }
}
