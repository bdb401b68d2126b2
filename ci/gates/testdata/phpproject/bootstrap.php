<?php

declare(strict_types=1);

// No composer here: Debian's phpunit has its own autoloader, so load the fixture class directly.
require __DIR__ . '/src/Calculator.php';
