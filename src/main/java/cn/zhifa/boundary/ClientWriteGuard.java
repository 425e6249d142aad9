package cn.zhifa.boundary;

import java.util.List;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.springframework.stereotype.Component;

/**
 * Sees every variable write as it happens (the engine reports each one to its history handlers at once, whatever
 * path the write took: start, completion, form submission, variables endpoints, modification, messages). In a
 * client's phase of a command, each write is kept for {@link ClientWriteCheck}: an engine-owned variable is refused
 * there, where the case can be named, and any other write is checked against the form.
 */
@Component
class ClientWriteGuard implements HistoryEventHandler {

    private final ProcessRules rules;

    ClientWriteGuard(ProcessRules rules) {
        this.rules = rules;
    }

    @Override
    public void handleEvent(HistoryEvent event) {
        ClientPhase phase = ClientPhase.current();
        if (phase == null || !phase.collecting() || !(event instanceof HistoricVariableUpdateEventEntity write)) {
            return;
        }
        String value = write.getLongValue() != null ? String.valueOf(write.getLongValue()) : write.getTextValue();
        ClientPhase.Write written = new ClientPhase.Write(write.getVariableName(), write.getProcessInstanceId(),
                write.getProcessDefinitionKey(), value);
        if (rules.engineOwned(write.getProcessDefinitionKey()).contains(write.getVariableName())) {
            phase.violated(written);
        } else {
            phase.written(written);
        }
    }

    @Override
    public void handleEvents(List<HistoryEvent> events) {
        events.forEach(this::handleEvent);
    }
}
