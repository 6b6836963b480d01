package org.truce.cases;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/** How a case ends: a joint {@link Finding} or a recorded {@link Dissent}. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
@JsonSubTypes({
        @JsonSubTypes.Type(value = Finding.class, name = "finding"),
        @JsonSubTypes.Type(value = Dissent.class, name = "dissent")})
public sealed interface Outcome permits Finding, Dissent {}
