/** Internal helpers of the fusion packages; not an API. */
package org.truce.fusion.internal;
