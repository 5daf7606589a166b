package tj.migrantsguide.app.architecture.cycle.feature.second

import tj.migrantsguide.app.architecture.cycle.feature.first.First

/** Test classes only: the other half of the cycle AppLayoutTest must catch. */
class Second {
    fun partner(): First = First()
}
