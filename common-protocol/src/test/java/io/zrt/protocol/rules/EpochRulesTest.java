package io.zrt.protocol.rules;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class EpochRulesTest {

    @Test
    void groupOperationsMustTakeTheNextEpoch() {
        assertThatCode(() -> EpochRules.check(OperationKind.KEY_UPDATE, 6, 5)).doesNotThrowAnyException();
        assertThatThrownBy(() -> EpochRules.check(OperationKind.ADD_MEMBER, 5, 5))
                .extracting(e -> ((FrameRejectedException) e).rejection()).isEqualTo(Rejection.STALE_EPOCH);
        assertThatThrownBy(() -> EpochRules.check(OperationKind.DROP_GROUP, 7, 5))
                .extracting(e -> ((FrameRejectedException) e).rejection()).isEqualTo(Rejection.FUTURE_EPOCH);
    }

    @Test
    void plainFramesMustCarryTheCurrentEpoch() {
        assertThatCode(() -> EpochRules.check(OperationKind.PLAIN, 5, 5)).doesNotThrowAnyException();
        assertThatThrownBy(() -> EpochRules.check(OperationKind.PLAIN, 4, 5))
                .extracting(e -> ((FrameRejectedException) e).rejection()).isEqualTo(Rejection.STALE_EPOCH);
        assertThatThrownBy(() -> EpochRules.check(OperationKind.PLAIN, 6, 5))
                .extracting(e -> ((FrameRejectedException) e).rejection()).isEqualTo(Rejection.FUTURE_EPOCH);
    }

    @Test
    void initCreatesEpochZero() {
        assertThatCode(() -> EpochRules.checkInit(0)).doesNotThrowAnyException();
        assertThatThrownBy(() -> EpochRules.checkInit(1))
                .extracting(e -> ((FrameRejectedException) e).rejection()).isEqualTo(Rejection.INVALID_FIELD);
        assertThatThrownBy(() -> EpochRules.expectedEpoch(OperationKind.INIT, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
