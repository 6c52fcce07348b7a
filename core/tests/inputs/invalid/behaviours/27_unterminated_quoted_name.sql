-- grammar-behaviours 27: an unterminated quoted name swallows the rest of the input.
DROP REPOSITORY `repo1
