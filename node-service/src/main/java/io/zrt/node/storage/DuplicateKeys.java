package io.zrt.node.storage;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;

final class DuplicateKeys {

    private DuplicateKeys() {
    }

    static boolean isDuplicateKey(MongoWriteException e) {
        return e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY || e.getError().getCode() == 11000;
    }
}
