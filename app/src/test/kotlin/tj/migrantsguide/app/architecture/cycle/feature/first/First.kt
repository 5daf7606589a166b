package tj.migrantsguide.app.architecture.cycle.feature.first

import tj.migrantsguide.app.architecture.cycle.feature.second.Second

/** Test classes only: a feature that uses another one, which uses it back (AppLayoutTest must catch it). */
class First {
    fun partner(): Second = Second()
}
