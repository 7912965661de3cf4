package dev.veil;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** What a policy answers per type, the questions the engine asks once or twice per finding. */
class PolicyTest {

    private static final Action[] ACTIONS = {Action.KEEP, Action.REDACT, Action.MASK, Action.REPLACE,
            Action.PSEUDONYMIZE, Action.SURROGATE, Action.BLOCK};

    @Test
    void answersPerTypeAsItsSettingsSayForBuiltInAndCustomTypes() {
        Random random = new Random(17);
        List<EntityType> types = new ArrayList<>(EntityType.builtIn());
        for (int k = 0; k < 40; k++) {
            types.add(EntityType.of("CUSTOM_" + k));
        }
        for (int round = 0; round < 300; round++) {
            Action defaultAction = ACTIONS[random.nextInt(ACTIONS.length - 1)];
            double defaultThreshold = random.nextInt(10) / 10.0;
            Policy.Builder builder = Policy.builder().defaultAction(defaultAction).defaultThreshold(defaultThreshold);
            Map<String, Action> actions = new HashMap<>();
            Map<String, Double> thresholds = new HashMap<>();
            Map<String, Double> blocks = new HashMap<>();
            for (EntityType type : types) {
                if (random.nextInt(4) == 0) {
                    Action a = ACTIONS[random.nextInt(ACTIONS.length)];
                    builder.action(type, a);
                    actions.put(type.name(), a);
                }
                if (random.nextInt(4) == 0) {
                    double t = random.nextInt(11) / 10.0;
                    builder.threshold(type, t);
                    thresholds.put(type.name(), t);
                }
                if (random.nextInt(6) == 0) {
                    double b = random.nextInt(11) / 10.0;
                    builder.blockAtOrAbove(type, b);
                    blocks.put(type.name(), b);
                }
            }
            Policy policy = builder.build();
            for (EntityType type : types) {
                // A new instance of the same name is the same type.
                EntityType asked = random.nextBoolean() ? type : EntityType.of(new String(type.name()));
                Action action = actions.getOrDefault(type.name(), defaultAction);
                assertEquals(action, policy.actionFor(asked), type.name());
                assertEquals(thresholds.getOrDefault(type.name(), defaultThreshold), policy.thresholdFor(asked), type.name());
                Double block = blocks.get(type.name());
                for (double score = 0; score <= 1.0; score += 0.05) {
                    Action expected = block != null && score >= block ? Action.BLOCK : action;
                    assertEquals(expected, policy.actionFor(asked, score), type.name() + " at " + score);
                }
                assertEquals(!(action instanceof Action.Keep) || block != null, policy.actsOn(asked), type.name());
            }
        }
    }

    @Test
    void refusesANullType() {
        Policy policy = Policy.balanced();
        assertThrows(NullPointerException.class, () -> policy.thresholdFor(null));
        assertThrows(NullPointerException.class, () -> policy.actionFor(null));
        assertThrows(NullPointerException.class, () -> policy.actionFor(null, 0.9));
    }
}
