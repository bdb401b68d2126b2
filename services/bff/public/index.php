<?php

declare(strict_types=1);

// Front controller: every request of the HTTP server lands here.

use Platform\Bff\App;
use Platform\Shared\App\Runtime;

require __DIR__ . '/../vendor/autoload.php';

Runtime::serve(dirname(__DIR__), App::fromRuntime(...));
