-- grammar-behaviours 28: only comments: StarRocks needs at least one statement.
/* nothing here */
