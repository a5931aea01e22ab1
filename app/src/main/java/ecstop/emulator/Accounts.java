package ecstop.emulator;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Who the emulator serves: accounts, each known by its access key ids, each with a fleet per
 * region, so one emulator answers a matrix of profiles × regions as AWS would. A request's
 * account comes from the access key id in its SigV4 Authorization header (an unknown key is
 * the first account's), its region from the same header's credential scope. A region with
 * no fleet has no clusters. An account may be a CloudWatch cross-account observability
 * monitoring account: its Metrics Insights queries (and MetricStat queries naming an
 * AccountId) also see the linked source accounts' metrics in the same region, while ECS
 * still shows it only its own clusters. An account may also deny operations (its IAM
 * policy), have expired credentials, or not have enabled an opt-in region. Immutable.
 */
public final class Accounts {
    private static final Pattern CREDENTIAL = Pattern.compile("Credential=([^/,\\s]+)/[^/]*/([^/,\\s]+)/");

    /** One account: its fleets, and how it differs from a plain account. */
    public record Account(
            String id,
            Set<String> accessKeys,
            Optional<Fleet> everyRegion,
            Map<String, Fleet> byRegion,
            List<String> linkedSources,
            Set<String> denied,
            boolean expiredCredentials,
            Set<String> disabledRegions) {

        public Account {
            disabledRegions = Set.copyOf(disabledRegions);
            accessKeys = Set.copyOf(accessKeys);
            // In the order the fleets were given: the first is the one an emulator of one fleet serves.
            byRegion = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(byRegion));
            linkedSources = List.copyOf(linkedSources);
            denied = Set.copyOf(denied);
        }

        public boolean monitoring() {
            return !linkedSources.isEmpty();
        }
    }

    /** Who is calling: the account the key belongs to, and the region the request was signed for. */
    public record Caller(Account account, String region) {}

    private final List<Account> accounts;
    private final Map<String, Account> byKey = new LinkedHashMap<>();
    private final Map<String, Account> byId = new LinkedHashMap<>();
    private final Map<String, Fleet> empty = new ConcurrentHashMap<>();
    private final long seed;

    private Accounts(List<Account> accounts, long seed) {
        if (accounts.isEmpty()) {
            throw new IllegalArgumentException("no account");
        }
        this.accounts = List.copyOf(accounts);
        this.seed = seed;
        for (Account a : accounts) {
            if (byId.put(a.id(), a) != null) {
                throw new IllegalArgumentException("account " + a.id() + " twice");
            }
            a.accessKeys().forEach(k -> byKey.put(k, a));
        }
        for (Account a : accounts) {
            for (String source : a.linkedSources()) {
                if (!byId.containsKey(source)) {
                    throw new IllegalArgumentException("account " + a.id() + " links unknown source account " + source);
                }
            }
        }
    }

    /** What the emulator always did: one fleet, whatever the key and the region. */
    public static Accounts single(Fleet fleet) {
        return new Accounts(List.of(new Account(fleet.account(), Set.of(), Optional.of(fleet), Map.of(), List.of(),
                Set.of(), false, Set.of())), fleet.seed());
    }

    /** The region the demo's second fleet is in. */
    public static final String DEMO_SECOND_REGION = "eu-west-1";
    /** The linked source account of the demo's monitoring account. */
    public static final String DEMO_SOURCE_ACCOUNT = "210987654321";

    /**
     * What {@code ecs-top --demo} and {@code ecs-top emulator} serve: the demo fleet in
     * us-east-1 and a second fleet in eu-west-1 for any key; with {@code monitoring}, the
     * account is also a cross-account observability monitoring account whose Metrics
     * Insights queries see a linked source account's analytics cluster (its own key:
     * AKIDANALYTICS).
     */
    public static Accounts demo(long seed, int bigClusterServices, boolean monitoring) {
        Builder b = builder(seed);
        AccountBuilder main = b.account(Fleet.ACCOUNT)
                .fleet(Fleet.demo(seed, bigClusterServices))
                .fleet(DemoFleet.europe(Fleet.builder(seed).region(DEMO_SECOND_REGION)).build());
        if (monitoring) {
            main.monitoring(DEMO_SOURCE_ACCOUNT);
            b.account(DEMO_SOURCE_ACCOUNT, "AKIDANALYTICS")
                    .fleet(DemoFleet.analytics(Fleet.builder(seed).account(DEMO_SOURCE_ACCOUNT)).build());
        }
        return b.build();
    }

    public static Builder builder(long seed) {
        return new Builder(seed);
    }

    public List<Account> accounts() {
        return accounts;
    }

    /** The caller of a request with this Authorization header (null or unsigned: the first account, us-east-1). */
    public Caller caller(String authorization) {
        Matcher m = CREDENTIAL.matcher(authorization == null ? "" : authorization);
        if (!m.find()) {
            return new Caller(accounts.get(0), Fleet.DEFAULT_REGION);
        }
        return new Caller(byKey.getOrDefault(m.group(1), accounts.get(0)), m.group(2));
    }

    /** The caller's own fleet in its region: ECS shows this one only. */
    public Fleet fleet(Caller c) {
        return fleet(c.account(), c.region());
    }

    /** The caller's metrics: its own fleet first, then its linked source accounts' in the same region. */
    List<MetricsInsights.Source> visible(Caller c) {
        List<MetricsInsights.Source> out = new ArrayList<>();
        out.add(new MetricsInsights.Source(c.account().id(), fleet(c)));
        for (String source : c.account().linkedSources()) {
            out.add(new MetricsInsights.Source(source, fleet(byId.get(source), c.region())));
        }
        return out;
    }

    /** The first account's fleet: the one an emulator of a single fleet serves. */
    Fleet first() {
        Account a = accounts.get(0);
        return a.everyRegion().orElseGet(() -> fleet(a, a.byRegion().keySet().stream().findFirst().orElse(Fleet.DEFAULT_REGION)));
    }

    private Fleet fleet(Account a, String region) {
        Fleet f = a.byRegion().get(region);
        if (f != null) {
            return f;
        }
        return a.everyRegion().orElseGet(() -> empty.computeIfAbsent(a.id() + "/" + region,
                k -> Fleet.builder(seed).account(a.id()).region(region).build()));
    }

    /** Builds accounts for tests and the demo. */
    public static final class Builder {
        private final long seed;
        private final List<AccountBuilder> accounts = new ArrayList<>();

        private Builder(long seed) {
            this.seed = seed;
        }

        /** Opens an account known by these access key ids; the first account also answers unknown keys. */
        public AccountBuilder account(String id, String... accessKeys) {
            AccountBuilder a = new AccountBuilder(this, id, Set.of(accessKeys));
            accounts.add(a);
            return a;
        }

        public Accounts build() {
            return new Accounts(accounts.stream().map(AccountBuilder::account).toList(), seed);
        }
    }

    /** One account under construction; {@link #and()} returns to the accounts. */
    public static final class AccountBuilder {
        private final Builder parent;
        private final String id;
        private final Set<String> keys;
        private final Map<String, Fleet> byRegion = new LinkedHashMap<>();
        private final Set<String> linked = new LinkedHashSet<>();
        private final Set<String> denied = new LinkedHashSet<>();
        private final Set<String> disabled = new LinkedHashSet<>();
        private boolean expired;

        private AccountBuilder(Builder parent, String id, Set<String> keys) {
            this.parent = parent;
            this.id = id;
            this.keys = keys;
        }

        /** The fleet in its region; it must have been built for this account and region. */
        public AccountBuilder fleet(Fleet fleet) {
            if (!fleet.account().equals(id)) {
                throw new IllegalArgumentException("fleet of account " + fleet.account() + " given to account " + id);
            }
            if (byRegion.put(fleet.region(), fleet) != null) {
                throw new IllegalArgumentException("two fleets for account " + id + " in " + fleet.region());
            }
            return this;
        }

        /** Makes this a monitoring account linked to these source accounts. */
        public AccountBuilder monitoring(String... sourceAccounts) {
            linked.addAll(List.of(sourceAccounts));
            return this;
        }

        /** Its policy allows none of these operations ("GetMetricData" or "cloudwatch:GetMetricData"). */
        public AccountBuilder denies(String... operations) {
            for (String o : operations) {
                denied.add(Faults.bareAction(o));
            }
            return this;
        }

        /** Every call with its keys is answered as with an expired session token. */
        public AccountBuilder expiredCredentials() {
            this.expired = true;
            return this;
        }

        /**
         * Opt-in regions the account has not enabled: every call signed for one is answered as
         * AWS does, as if the credentials were invalid (UnrecognizedClientException).
         */
        public AccountBuilder disabledRegions(String... regions) {
            disabled.addAll(List.of(regions));
            return this;
        }

        public Builder and() {
            return parent;
        }

        public Accounts build() {
            return parent.build();
        }

        private Account account() {
            return new Account(id, keys, Optional.empty(), byRegion, List.copyOf(linked), denied, expired, disabled);
        }
    }
}
