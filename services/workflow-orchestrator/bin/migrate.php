<?php

declare(strict_types=1);

// Applies migrations/*.sql to DATABASE_URL; waits up to MIGRATE_WAIT_SECONDS for the database.

require __DIR__ . '/../vendor/autoload.php';

exit(\Platform\Shared\Db\MigrateCommand::main(dirname(__DIR__)));
