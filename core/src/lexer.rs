//! StarRocks's lexer, mirrored.
